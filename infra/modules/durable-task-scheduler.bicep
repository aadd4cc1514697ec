// Optional Durable backend: a Durable Task Scheduler with one task hub, reached with the app identity
// (Durable Task Data Contributor on the scheduler). The default build keeps the Azure Storage provider;
// switching is a host.json and package change described in infra/README.md.
@description('Scheduler name.')
param name string

@description('Azure region (the scheduler is offered in a subset of regions).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Task hub name inside the scheduler.')
param taskHubName string

@description('Scheduler SKU: Consumption (pay per action) or Dedicated (capacity units).')
@allowed(['Consumption', 'Dedicated'])
param skuName string = 'Consumption'

@description('Name of the app\'s user-assigned identity (same resource group).')
param appIdentityName string

var durableTaskDataContributor = '0ad04412-c4d5-4796-b79c-f76d14c8d402'


resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    ipAllowlist: ['0.0.0.0/0']
    sku: { name: skuName }
  }
}

resource hub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

resource dataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: scheduler
  name: guid(scheduler.id, appIdentity.id, durableTaskDataContributor)
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', durableTaskDataContributor)
  }
}

output endpoint string = scheduler.properties.endpoint
output taskHubName string = hub.name
