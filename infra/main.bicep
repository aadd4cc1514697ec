// The qualitative research workflow on Azure: `azd up` provisions this and deploys the Functions app.
// Two storage accounts keep identifiable and de-identified material apart; everything is reached with
// one user-assigned managed identity holding only the data roles it needs; no storage or service keys
// exist in any setting. See infra/README.md.
targetScope = 'subscription'

@description('azd environment name; names the resource group and seeds every resource name.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for every resource.')
param location string

@description('premium: Elastic Premium running the repository\'s container image (ffmpeg, PocketSphinx, gazetteers: every engine). flexConsumption: code only, scale to zero, for studies that use imported transcripts or cloud engines only.')
@allowed(['premium', 'flexConsumption'])
param hostingPlan string = 'premium'

@description('Elastic Premium size (premium only). One transcription uses every core of an instance.')
@allowed(['EP1', 'EP2', 'EP3'])
param premiumSku string = 'EP1'

@description('Instances kept warm on Premium (billed around the clock).')
@minValue(1)
@maxValue(20)
param minimumInstances int = 1

@description('Most instances the app scales out to (Premium: at most 20 for EP plans here; Flex: up to 1000).')
@minValue(1)
@maxValue(1000)
param maximumInstances int = 4

@description('Memory per instance on Flex Consumption (MB).')
@allowed([512, 2048, 4096])
param flexInstanceMemoryMB int = 2048

@description('Container image for Premium on first provision; azd deploy then runs the image it builds from the Dockerfile.')
param containerImage string = 'mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0'

@description('Replication of the two study accounts: Standard_LRS, or Standard_ZRS to survive a zone outage.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param studyStorageSku string = 'Standard_ZRS'

@description('Days raw uploads (audio and uploaded transcripts as received) and refused drop-zone files are kept after they were last written; then the lifecycle rule deletes them. Match the study\'s ethics approval; 0 keeps them until deleted by hand.')
@minValue(0)
@maxValue(3650)
param rawAudioRetentionDays int = 365

@description('Days after a recording is verified that the app deletes its raw audio (the transcripts stay). The lifecycle rule above is the backstop.')
@minValue(0)
@maxValue(3650)
param rawAudioDaysAfterVerification int = 30

@description('True: a third storage account holds the Functions host storage and the Durable task hub. False: both share the de-identified account (histories hold ids and counts only).')
param dedicatedDurableStorage bool = true

@description('Durable task hub name (letters and digits, 3-45 characters).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'qualitativeworkflow'

@description('Host default transcription engine (Engines:Transcription): local (PocketSphinx; Premium only).')
param transcriptionEngine string = 'local'

@description('Host default de-identification detectors beside the study list (Engines:Deidentification), comma-separated: rules, names, azure-language.')
param deidentificationEngines string = 'rules,names'

@description('Host default coding engine (Engines:Coding): keywords.')
param codingEngine string = 'keywords'

@description('Also deploy an Azure OpenAI account (for LLM coding, cloud only and opt-in per study).')
param deployOpenAI bool = false

@description('Region for Azure OpenAI when it differs from location (model availability varies).')
param openAILocation string = location

@description('Name of the chat model deployment on the OpenAI account that the azure-openai coding engine calls (a model with structured outputs, e.g. gpt-4o; created on the account separately). Empty leaves the engine unconfigured.')
param openAIDeployment string = ''

@description('Deploy the Durable Task Scheduler (scheduler, task hub, role) as an alternative Durable backend; the app keeps the Azure Storage provider until host.json is switched (infra/README.md).')
param enableDurableTaskScheduler bool = false

@description('Create the Event Grid subscription from the drop zone to the app\'s blob-trigger webhook; needs the deployed app (azure.yaml\'s postdeploy hook sets it).')
param enableUploadEventSubscription bool = false

@description('The [Function] name of the drop-zone blob trigger (functions/Workflow.Functions/Triggers).')
param uploadFunctionName string = 'IngestDroppedUpload'

@description('Client id of the Entra app registration used by Easy Auth, with app roles Lead, Coder and Interviewer (infra/README.md). Empty: authentication stays off and the app refuses to start.')
param authClientId string = ''

@description('Entra tenant of that app registration.')
param authTenantId string = tenant().tenantId

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var tags = { 'azd-env-name': environmentName, workload: 'qualitative-workflow' }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var isPremium = hostingPlan == 'premium'
var flexPackageContainer = 'app-package'
// Names known before deployment, so role-assignment names (guid of scope, identity, role) and What-If stay exact.
var identityName = 'id-${token}'
var identifiableAccountName = 'stid${token}'
var functionAppName = 'func-${token}'

// Built-in role definitions (GUIDs are the same in every tenant).
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  blobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  speechUser: 'f2dc8367-1007-4938-bd23-fe263f013447'
  languageReader: '7628b7b8-a8b2-4cdc-b46f-e9b35248918e'
  openAIUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
}

// Names the code uses (functions/Workflow.Storage/Configuration/StorageNames.cs; a test keeps them equal).
var identifiableContainers = ['raw-uploads', 'uploads', 'transcripts-identifiable', 'pseudonym-keys', 'study-identifiers', 'study-secrets']
var identifiableTables = ['VerificationQueue', 'AuditTrail', 'StudyMembers', 'ParticipantWithdrawals', 'UploadGrants']
var deidentifiedContainers = ['transcripts-deidentified', 'coding', 'transcripts-final', 'codebooks', 'audio-deidentified']
var deidentifiedTables = ['Studies', 'RecordingsByStudy', 'RecordingStudies', 'StudyBatches', 'StudyBatchRecords', 'LearningCurve']
var rawRetentionPrefixes = ['raw-uploads/', 'uploads/']

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: { name: identityName, location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  dependsOn: [identity]
  params: {
    logAnalyticsName: 'log-${token}'
    applicationInsightsName: 'appi-${token}'
    location: location
    tags: tags
    retentionInDays: logRetentionDays
    appIdentityName: identityName
  }
}

// Raw uploads, identifiable transcripts, pseudonym keys, identifier lists, the verification queue and
// the audit trail. Only the app identity has data roles here; leads' tooling gets them explicitly.
module identifiable 'modules/storage-account.bicep' = {
  scope: rg
  dependsOn: [identity]
  params: {
    name: identifiableAccountName
    location: location
    tags: union(tags, { 'data-class': 'identifiable' })
    skuName: studyStorageSku
    containers: identifiableContainers
    tables: identifiableTables
    deleteAfterDays: rawAudioRetentionDays
    deletePrefixes: rawRetentionPrefixes
    // The upload page writes large files straight to the drop zone with a grant's SAS.
    uploadCorsOrigins: ['https://${functionAppName}.azurewebsites.net']
    appIdentityName: identityName
    roleDefinitionIds: [
      roles.blobDataContributor
      // The blob trigger keeps its poison queue in the account it watches.
      roles.queueDataContributor
      roles.tableDataContributor
      // User-delegation SAS for direct uploads to the drop zone (signed with the identity, not a key).
      roles.blobDelegator
    ]
  }
}

module deidentified 'modules/storage-account.bicep' = {
  scope: rg
  dependsOn: [identity]
  params: {
    name: 'stde${token}'
    location: location
    tags: union(tags, { 'data-class': 'deidentified' })
    skuName: studyStorageSku
    containers: union(deidentifiedContainers, dedicatedDurableStorage || isPremium ? [] : [flexPackageContainer])
    tables: deidentifiedTables
    // The toned copies of recordings still carry voices: the same backstop as the raw audio.
    deleteAfterDays: rawAudioRetentionDays
    deletePrefixes: ['audio-deidentified/']
    appIdentityName: identityName
    roleDefinitionIds: dedicatedDurableStorage
      ? [roles.blobDataContributor, roles.tableDataContributor]
      // Also the host storage: the Functions host needs Blob Data Owner there, and queues for Durable.
      : [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]
  }
}

// Functions host storage (AzureWebJobsStorage) and the Durable task hub (Storage:Durable).
module durable 'modules/storage-account.bicep' = if (dedicatedDurableStorage) {
  scope: rg
  dependsOn: [identity]
  params: {
    name: 'stdt${token}'
    location: location
    tags: union(tags, { 'data-class': 'orchestration' })
    skuName: 'Standard_LRS'
    containers: isPremium ? [] : [flexPackageContainer]
    softDeleteDays: 0
    appIdentityName: identityName
    roleDefinitionIds: [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]
  }
}

var durableAccountName = dedicatedDurableStorage ? durable!.outputs.name : deidentified.outputs.name
var durableBlobEndpoint = dedicatedDurableStorage ? durable!.outputs.blobEndpoint : deidentified.outputs.blobEndpoint
var durableQueueEndpoint = dedicatedDurableStorage ? durable!.outputs.queueEndpoint : deidentified.outputs.queueEndpoint
var durableTableEndpoint = dedicatedDurableStorage ? durable!.outputs.tableEndpoint : deidentified.outputs.tableEndpoint

module keyVault 'modules/keyvault.bicep' = {
  scope: rg
  dependsOn: [identity]
  params: { name: 'kv-${token}', location: location, tags: tags, appIdentityName: identityName }
}

module speech 'modules/cognitive-account.bicep' = {
  scope: rg
  dependsOn: [identity]
  params: {
    name: 'spch-${token}'
    location: location
    tags: tags
    kind: 'SpeechServices'
    appIdentityName: identityName
    roleDefinitionId: roles.speechUser
  }
}

module language 'modules/cognitive-account.bicep' = {
  scope: rg
  dependsOn: [identity]
  params: {
    name: 'lang-${token}'
    location: location
    tags: tags
    kind: 'TextAnalytics'
    appIdentityName: identityName
    roleDefinitionId: roles.languageReader
  }
}

module openAI 'modules/cognitive-account.bicep' = if (deployOpenAI) {
  scope: rg
  dependsOn: [identity]
  params: {
    name: 'oai-${token}'
    location: openAILocation
    tags: tags
    kind: 'OpenAI'
    appIdentityName: identityName
    roleDefinitionId: roles.openAIUser
  }
}

module scheduler 'modules/durable-task-scheduler.bicep' = if (enableDurableTaskScheduler) {
  scope: rg
  dependsOn: [identity]
  params: {
    name: 'dts-${token}'
    location: location
    tags: tags
    taskHubName: taskHubName
    appIdentityName: identityName
  }
}

module registry 'modules/registry.bicep' = if (isPremium) {
  scope: rg
  dependsOn: [identity]
  params: { name: 'cr${token}', location: location, tags: tags, appIdentityName: identityName }
}

module appSettings 'modules/app-settings.bicep' = {
  scope: rg
  params: {
    hostingPlan: hostingPlan
    identityClientId: identity.outputs.clientId
    identifiableBlobEndpoint: identifiable.outputs.blobEndpoint
    identifiableQueueEndpoint: identifiable.outputs.queueEndpoint
    identifiableTableEndpoint: identifiable.outputs.tableEndpoint
    deidentifiedBlobEndpoint: deidentified.outputs.blobEndpoint
    deidentifiedTableEndpoint: deidentified.outputs.tableEndpoint
    durableAccountName: durableAccountName
    durableBlobEndpoint: durableBlobEndpoint
    durableQueueEndpoint: durableQueueEndpoint
    durableTableEndpoint: durableTableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    taskHubName: taskHubName
    transcriptionEngine: transcriptionEngine
    deidentificationEngines: deidentificationEngines
    codingEngine: codingEngine
    languageEndpoint: language.outputs.endpoint
    speechEndpoint: speech.outputs.endpoint
    openAIEndpoint: deployOpenAI ? openAI!.outputs.endpoint : ''
    openAIDeployment: openAIDeployment
    rawAudioDaysAfterVerification: rawAudioDaysAfterVerification
    keyVaultUri: keyVault.outputs.uri
    durableTaskSchedulerEndpoint: enableDurableTaskScheduler ? scheduler!.outputs.endpoint : ''
    durableTaskSchedulerHubName: enableDurableTaskScheduler ? scheduler!.outputs.taskHubName : ''
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${token}'
    location: location
    tags: tags
    hostingPlan: hostingPlan
    premiumSku: premiumSku
    minimumInstances: minimumInstances
    maximumInstances: maximumInstances
    flexInstanceMemoryMB: flexInstanceMemoryMB
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    appSettings: appSettings.outputs.settings
    containerImage: containerImage
    flexDeploymentContainerUrl: '${durableBlobEndpoint}${flexPackageContainer}'
    authClientId: authClientId
    authTenantId: authTenantId
  }
}

module uploadEvents 'modules/upload-events.bicep' = {
  scope: rg
  // Names are passed, not outputs: the topic and subscription need the account and the app to exist.
  dependsOn: [identifiable, functionApp]
  params: {
    topicName: 'evgt-${token}'
    location: location
    tags: tags
    storageAccountName: identifiableAccountName
    functionAppName: functionAppName
    functionName: uploadFunctionName
    containerName: 'uploads'
    enableSubscription: enableUploadEventSubscription
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = isPremium ? registry!.outputs.loginServer : ''
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_SPEECH_ENDPOINT string = speech.outputs.endpoint
output AZURE_LANGUAGE_ENDPOINT string = language.outputs.endpoint
output AZURE_OPENAI_ENDPOINT string = deployOpenAI ? openAI!.outputs.endpoint : ''
output IDENTIFIABLE_STORAGE_ACCOUNT string = identifiable.outputs.name
output DEIDENTIFIED_STORAGE_ACCOUNT string = deidentified.outputs.name
output DURABLE_TASK_SCHEDULER_ENDPOINT string = enableDurableTaskScheduler ? scheduler!.outputs.endpoint : ''
