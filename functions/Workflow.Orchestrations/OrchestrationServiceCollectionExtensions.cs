using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workflow.Orchestrations;

/// <summary>Registers what activities need besides storage and engines.</summary>
public static class OrchestrationServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowOrchestrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName))
            .Validate(o => o.UploadSasLifetime > TimeSpan.Zero && o.UploadSasLifetime <= TimeSpan.FromDays(7), "Pipeline:UploadSasLifetime must be more than zero and at most 7 days (a user-delegation SAS cannot outlive its 7-day key).")
            .ValidateOnStart();
        services.AddOptions<Domain.Verification.TranscriptCheckOptions>().Bind(configuration.GetSection(Domain.Verification.TranscriptCheckOptions.SectionName));
        services.AddOptions<Retention.RetentionOptions>().Bind(configuration.GetSection(Retention.RetentionOptions.SectionName));
        services.AddSingleton<Retention.RawAudioRetentionSweep>();
        services.AddSingleton<Retention.UploadGrantSweep>();
        services.AddOptions<Learning.LearningRetrainingOptions>().Bind(configuration.GetSection(Learning.LearningRetrainingOptions.SectionName));
        services.AddSingleton<Learning.LearningRetraining>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Activities.AudioSources>();
        services.AddSingleton<Activities.TranscriptionWork>();
        services.AddSingleton<Verification.FreeTextDeidentifier>();
        services.AddSingleton<Activities.BatchTranscriptionEngines>();
        return services;
    }
}
