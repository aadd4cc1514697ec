// The Function App's settings, in one place. Names are the configuration keys the code reads
// (local.settings.sample.json) with ':' written '__', as Linux requires. Every storage connection is
// identity-based: service URIs plus credential=managedidentity and the user-assigned identity's
// clientId, the exact children Workflow.Storage/Configuration/StorageAccountOptions.cs and the
// Functions host read. tests/Workflow.Infra.Tests reads the *Settings variables of this module from
// the compiled template and checks them against the code and local.settings.sample.json, so keep
// each group a plain object variable whose name ends in "Settings".
@description('Hosting plan of the app: premium (custom container with the offline engines) or flexConsumption (code only, cloud engines).')
@allowed(['premium', 'flexConsumption'])
param hostingPlan string

@description('Client id of the user-assigned identity every connection signs in with.')
param identityClientId string

@description('Blob endpoint of the identifiable account.')
param identifiableBlobEndpoint string

@description('Queue endpoint of the identifiable account (the blob trigger keeps its poison queue there).')
param identifiableQueueEndpoint string

@description('Table endpoint of the identifiable account.')
param identifiableTableEndpoint string

@description('Blob endpoint of the de-identified account.')
param deidentifiedBlobEndpoint string

@description('Table endpoint of the de-identified account.')
param deidentifiedTableEndpoint string

@description('Name of the account holding the Functions host storage and the Durable task hub.')
param durableAccountName string

@description('Blob endpoint of the Durable task hub account.')
param durableBlobEndpoint string

@description('Queue endpoint of the Durable task hub account.')
param durableQueueEndpoint string

@description('Table endpoint of the Durable task hub account.')
param durableTableEndpoint string

@description('Application Insights connection string (not a secret: ingestion also needs the identity, local auth is off).')
param applicationInsightsConnectionString string

@description('Durable task hub name (host.json reads %TaskHubName%).')
param taskHubName string

@description('Host default transcription engine (Engines:Transcription).')
param transcriptionEngine string

@description('Host default de-identification detectors, comma-separated (Engines:Deidentification).')
param deidentificationEngines string

@description('Host default coding engine (Engines:Coding).')
param codingEngine string

@description('Azure AI Language endpoint for the azure-language detector.')
param languageEndpoint string

@description('Azure AI Speech custom-subdomain endpoint for the azure-speech transcription engine.')
param speechEndpoint string

@description('Azure OpenAI endpoint for the azure-openai coding engine; empty when no OpenAI account is deployed.')
param openAIEndpoint string = ''

@description('Chat model deployment on that account for the azure-openai coding engine.')
param openAIDeployment string = ''

@description('Days after verification that a recording\'s raw audio is deleted by the app\'s hourly retention sweep.')
param rawAudioDaysAfterVerification int

@description('URI of the Key Vault holding each study\'s pseudonym keying secret.')
param keyVaultUri string

@description('Durable Task Scheduler endpoint; empty when the scheduler is not deployed.')
param durableTaskSchedulerEndpoint string = ''

@description('Task hub name in the Durable Task Scheduler.')
param durableTaskSchedulerHubName string = ''

// Functions host storage (keys, leases, timers): identity-based, so no AzureWebJobsStorage connection string.
var hostStorageSettings = {
  AzureWebJobsStorage__accountName: durableAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// The workflow's own settings: the same keys as local.settings.sample.json.
var workflowSettings = {
  TaskHubName: taskHubName
  Storage__Identifiable__blobServiceUri: identifiableBlobEndpoint
  Storage__Identifiable__queueServiceUri: identifiableQueueEndpoint
  Storage__Identifiable__tableServiceUri: identifiableTableEndpoint
  Storage__Identifiable__credential: 'managedidentity'
  Storage__Identifiable__clientId: identityClientId
  Storage__Deidentified__blobServiceUri: deidentifiedBlobEndpoint
  Storage__Deidentified__tableServiceUri: deidentifiedTableEndpoint
  Storage__Deidentified__credential: 'managedidentity'
  Storage__Deidentified__clientId: identityClientId
  Storage__Durable__blobServiceUri: durableBlobEndpoint
  Storage__Durable__queueServiceUri: durableQueueEndpoint
  Storage__Durable__tableServiceUri: durableTableEndpoint
  Storage__Durable__credential: 'managedidentity'
  Storage__Durable__clientId: identityClientId
  Auth__Mode: 'EasyAuth'
  Secrets__Store: 'keyvault'
  Secrets__KeyVaultUri: keyVaultUri
  Secrets__ClientId: identityClientId
  Engines__Transcription: transcriptionEngine
  Engines__Deidentification: deidentificationEngines
  Engines__Coding: codingEngine
  Pipeline__ConfirmRedactionsBelow: '0.9'
  Pipeline__VerificationRecheck: '00:30:00'
  Pipeline__ClaimLease: '00:15:00'
  Pipeline__MaxUploadBytes: '524288000'
  Pipeline__DeletionSweepDelay: '00:15:00'
  Pipeline__UploadSasLifetime: '02:00:00'
  Retention__RawAudioDaysAfterVerification: string(rawAudioDaysAfterVerification)
}

// Cloud engines: offered by the host, used only by studies that allow cloud engines.
var cloudEngineSettings = {
  Engines__AzureLanguage__Endpoint: languageEndpoint
  Engines__AzureLanguage__ClientId: identityClientId
  // Signed in with the identity (no key); audio reaches Speech as a short-lived user-delegation SAS.
  Engines__AzureSpeech__Endpoint: speechEndpoint
  Engines__AzureSpeech__ClientId: identityClientId
  Engines__AzureSpeech__DefaultLocale: 'en-GB'
}

// Only with an OpenAI account: the coding engine is then offered with the identity's
// Cognitive Services OpenAI User role (infra/main.bicep) and still needs the study's consent to cloud engines.
var openAISettings = {
  Engines__AzureOpenAI__Endpoint: openAIEndpoint
  Engines__AzureOpenAI__ClientId: identityClientId
  Engines__AzureOpenAI__Deployment: openAIDeployment
}

// Premium runs the repository's container image; Flex Consumption sets runtime and version in
// functionAppConfig and refuses these two as app settings.
var containerSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false'
}

// Read only by infra/host.azureManaged.json (the Durable Task Scheduler backend, see infra/README.md).
var durableTaskSchedulerSettings = {
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${durableTaskSchedulerEndpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}'
  DURABLE_TASK_SCHEDULER_TASK_HUB: durableTaskSchedulerHubName
}

output settings object = union(
  hostStorageSettings,
  workflowSettings,
  cloudEngineSettings,
  empty(openAIEndpoint) ? {} : openAISettings,
  hostingPlan == 'premium' ? containerSettings : {},
  empty(durableTaskSchedulerEndpoint) ? {} : durableTaskSchedulerSettings
)
