// One Azure AI services account (Speech, Language or OpenAI) reached with Entra ID only: local (key)
// auth is off, and a custom subdomain is required for token authentication. The app identity gets
// one data-plane role on this account.
@description('Account name; also its custom subdomain (globally unique).')
param name string

@description('Azure region (Speech batch transcription, Language PII and OpenAI models differ by region).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Kind of account: SpeechServices, TextAnalytics (Azure AI Language) or OpenAI.')
@allowed(['SpeechServices', 'TextAnalytics', 'OpenAI'])
param kind string

@description('Pricing tier: S0 for Speech, Language and OpenAI (F0, free, allows one per subscription and is throttled).')
@allowed(['F0', 'S0'])
param skuName string = 'S0'

@description('Name of the app\'s user-assigned identity (same resource group).')
param appIdentityName string

@description('Role definition GUID granted to the app identity on this account.')
param roleDefinitionId string


resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: kind
  sku: { name: skuName }
  identity: { type: 'SystemAssigned' }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow' }
  }
}

resource appRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, appIdentity.id, roleDefinitionId)
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
  }
}

output id string = account.id
output name string = account.name
output endpoint string = account.properties.endpoint
