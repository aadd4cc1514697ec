using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Auth;
using Workflow.Api.Endpoints;
using Workflow.Api.Handlers;
using Workflow.Api.Uploads;

namespace Workflow.Api;

/// <summary>Registers the HTTP handlers, the endpoint dispatcher and the principal resolver.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowApi(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(auth);
        services.AddSingleton<IPrincipalResolver>(auth.Mode.ToLowerInvariant() switch
        {
            "development" => new DevelopmentPrincipalResolver(auth),
            "easyauth" => new EasyAuthPrincipalResolver(),
            _ => throw new InvalidOperationException($"Auth:Mode '{auth.Mode}' is not known; use EasyAuth or Development."),
        });
        services.AddSingleton<IStudyMembershipSource, StoredStudyMembershipSource>();
        services.AddSingleton<ApiDispatcher>();
        services.AddSingleton<MembershipHandlers>();
        services.AddSingleton<DeletionHandlers>();
        services.AddSingleton<RecordingIntake>();
        services.AddSingleton<UploadAdmission>();
        services.AddSingleton<GrantedUploadIntake>();
        services.AddSingleton<DroppedUploadIntake>();
        services.AddSingleton<StudyHandlers>();
        services.AddSingleton<RecordingHandlers>();
        services.AddSingleton<RecordingAudioHandler>();
        services.AddSingleton<SpeakerNamesHandler>();
        services.AddSingleton<ItemPlaceReader>();
        services.AddSingleton<UploadGrantHandlers>();
        services.AddSingleton<VerificationSignaller>();
        services.AddSingleton<QueueHandlers>();
        services.AddSingleton<DecisionRevisionHandler>();
        services.AddSingleton<SegmentDecisionHandler>();
        services.AddSingleton<ReprocessHandlers>();
        services.AddSingleton<RecordingRetryHandler>();
        services.AddSingleton<BatchStarter>();
        services.AddSingleton<IdentifierListReprocessor>();
        services.AddSingleton<MemoDeidentifier>();
        services.AddSingleton<CorrectionDeidentifier>();
        services.AddSingleton<StudyExportLoader>();
        services.AddSingleton<ExportHandlers>();
        services.AddSingleton<ThroughputReportHandler>();
        services.AddSingleton<MissedIdentifierHandler>();
        services.AddSingleton<IdentifierLinkHandler>();
        services.AddSingleton<AuditHandlers>();
        services.AddSingleton<AgreementHandlers>();
        services.AddSingleton<LearningHandlers>();
        services.AddSingleton<VerificationSettingsHandler>();
        services.AddSingleton<HumanMachineSampleReader>();
        services.AddSingleton<CustodyHandler>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<MeHandler>();
        services.AddSingleton<Web.WebAssets>();
        services.AddSingleton<WebAppHandler>();
        return services;
    }
}
