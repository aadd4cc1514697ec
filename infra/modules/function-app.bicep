// The Function App (.NET 10 isolated) on one of two plans:
// - premium: Elastic Premium, Linux, running the container image built from the repository's
//   Dockerfile (ffmpeg, PocketSphinx, gazetteers), so the offline engines work; always one warm
//   instance, no execution time cap;
// - flexConsumption: code deployment, scale to zero, for studies that use cloud engines only (no
//   ffmpeg or PocketSphinx there).
// App Service Authentication (Easy Auth) is on when an Entra app registration is given: it validates
// tokens and sign-ins and puts the caller, with app roles Lead, Coder, Interviewer, in
// X-MS-CLIENT-PRINCIPAL, the only principal the app trusts (Auth:Mode=EasyAuth).
@description('Function App name (globally unique host name).')
param name string

@description('App Service plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to every resource (the app also gets azd-service-name).')
param tags object

@description('premium (container with the offline engines) or flexConsumption (code, cloud engines only).')
@allowed(['premium', 'flexConsumption'])
param hostingPlan string

@description('Elastic Premium size: EP1 (1 vCPU, 3.5 GB), EP2 (2 vCPU, 7 GB), EP3 (4 vCPU, 14 GB).')
@allowed(['EP1', 'EP2', 'EP3'])
param premiumSku string

@description('Most instances the app scales out to.')
@minValue(1)
param maximumInstances int

@description('Instances kept warm on Premium (at least 1).')
@minValue(1)
param minimumInstances int

@description('Memory per instance on Flex Consumption (MB).')
@allowed([512, 2048, 4096])
param flexInstanceMemoryMB int

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (image pulls on Premium).')
param identityClientId string

@description('App settings (name to value); see app-settings.bicep.')
param appSettings object

@description('Image to run on Premium, e.g. myregistry.azurecr.io/workflow-functions:tag; azd deploy replaces it with the one it builds.')
param containerImage string

@description('Blob container URL holding the deployment package on Flex Consumption.')
param flexDeploymentContainerUrl string

@description('Client id of the Entra app registration for Easy Auth (app roles Lead, Coder, Interviewer); empty leaves authentication off, and the app then refuses to start (Auth:Mode=EasyAuth fails closed).')
param authClientId string

@description('Entra tenant of the app registration.')
param authTenantId string

var isPremium = hostingPlan == 'premium'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: isPremium ? 'elastic' : 'functionapp'
  sku: isPremium ? { name: premiumSku, tier: 'ElasticPremium' } : { name: 'FC1', tier: 'FlexConsumption' }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isPremium ? maximumInstances : null
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: isPremium ? 'functionapp,linux,container' : 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: isPremium
      ? {
          linuxFxVersion: 'DOCKER|${containerImage}'
          acrUseManagedIdentityCreds: true
          acrUserManagedIdentityID: identityClientId
          minimumElasticInstanceCount: minimumInstances
          functionAppScaleLimit: maximumInstances
          minTlsVersion: '1.2'
          ftpsState: 'Disabled'
          http20Enabled: true
        }
      : {
          minTlsVersion: '1.2'
          ftpsState: 'Disabled'
          http20Enabled: true
        }
    functionAppConfig: isPremium
      ? null
      : {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: flexDeploymentContainerUrl
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identityId
              }
            }
          }
          scaleAndConcurrency: {
            maximumInstanceCount: maximumInstances
            instanceMemoryMB: flexInstanceMemoryMB
          }
          runtime: { name: 'dotnet-isolated', version: '10.0' }
        }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: appSettings
}

// No publishing passwords: deployments go through Entra ID (azd uses the signed-in developer).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(authClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      // Liveness for probes, and the blob-trigger webhook Event Grid calls (it carries the
      // blobs_extension key instead of a user token).
      excludedPaths: ['/api/health', '/runtime/webhooks/blobs']
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [authClientId, 'api://${authClientId}']
        }
      }
    }
    login: {
      tokenStore: { enabled: true }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
