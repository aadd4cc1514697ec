// Uploads dropped straight into the identifiable account's drop zone (uploads/{studyId}/{file}, e.g.
// through a user-delegation SAS) reach the app as Event Grid BlobCreated events on its blob-trigger
// webhook, the trigger source Flex Consumption supports and the one that scales without polling.
// The subscription needs the app's blobs_extension system key, which exists only once the app's code
// runs, so azd creates it after the first deploy (enableSubscription, see azure.yaml's postdeploy hook).
@description('Event Grid system topic name.')
param topicName string

@description('Azure region (the storage account\'s).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the identifiable storage account whose blob events are published.')
param storageAccountName string

@description('Name of the Function App whose blob trigger receives the events.')
param functionAppName string

@description('The [Function] name of the Event Grid blob trigger for the drop zone.')
param functionName string

@description('Drop-zone container (StorageNames.IncomingUploads).')
param containerName string

@description('Create the webhook subscription (only once the app runs: it needs the blobs_extension key).')
param enableSubscription bool

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: topicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = if (enableSubscription) {
  parent: topic
  name: 'upload-drop-zone'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/blobs/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output topicName string = topic.name
