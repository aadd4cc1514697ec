// One storage account locked to identity access: shared keys off (so no connection string can work),
// TLS 1.2, no anonymous blob access, OAuth by default in the portal. Its containers, queues and tables
// are created here with the names the code uses (Workflow.Storage/Configuration/StorageNames.cs), and
// the given principals get the given data roles on this account only.
@description('Storage account name (3-24 lower-case letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Browser origins that may write blobs with a SAS (CORS PUT): the web app, for direct uploads. Empty: no CORS rule.')
param uploadCorsOrigins array = []

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Replication SKU, e.g. Standard_LRS or Standard_ZRS (ZRS keeps data in the region across zones).')
param skuName string = 'Standard_LRS'

@description('Blob containers to create.')
param containers array = []

@description('Queues to create.')
param queues array = []

@description('Tables to create.')
param tables array = []

@description('Lifecycle rule: delete block blobs under these prefixes (container/path) this many days after they were last modified; 0 adds no rule.')
@minValue(0)
param deleteAfterDays int = 0

@description('Prefixes (container/optional-path) the lifecycle rule applies to.')
param deletePrefixes array = []

@description('Days a deleted blob or container can still be restored (soft delete); 0 turns soft delete off.')
@minValue(0)
@maxValue(365)
param softDeleteDays int = 7

@description('Name of the app\'s user-assigned identity (same resource group), granted the roles below on this account only.')
param appIdentityName string

@description('Data-plane role definition GUIDs granted to that identity on this account.')
param roleDefinitionIds array = []

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: { enabled: true, keyType: 'Account' }
        file: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: softDeleteDays > 0, days: max(softDeleteDays, 1) }
    containerDeleteRetentionPolicy: { enabled: softDeleteDays > 0, days: max(softDeleteDays, 1) }
    // Only PUT (Put Block, Put Block List) from the app's own origin: a SAS is still needed for each write.
    cors: {
      corsRules: empty(uploadCorsOrigins) ? [] : [
        {
          allowedOrigins: uploadCorsOrigins
          allowedMethods: ['PUT']
          allowedHeaders: ['content-type', 'x-ms-blob-type', 'x-ms-blob-content-type', 'x-ms-version', 'x-ms-client-request-id']
          exposedHeaders: ['x-ms-request-id', 'x-ms-error-code']
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in containers: {
    parent: blobService
    name: container
    properties: { publicAccess: 'None' }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in queues: {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

resource retention 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = if (deleteAfterDays > 0 && !empty(deletePrefixes)) {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'raw-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: deletePrefixes
            }
            actions: {
              baseBlob: { delete: { daysAfterModificationGreaterThan: deleteAfterDays } }
              snapshot: { delete: { daysAfterCreationGreaterThan: deleteAfterDays } }
            }
          }
        }
      ]
    }
  }
}

resource dataRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleDefinitionId in roleDefinitionIds: {
    scope: account
    name: guid(account.id, appIdentity.id, roleDefinitionId)
    properties: {
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    }
  }
]

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
