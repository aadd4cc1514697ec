using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Coding;
using Workflow.Engines.Local.Deidentification;
using Workflow.Engines.Local.Import;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local;

/// <summary>
/// Chooses the engine behind each stage from configuration, in one place:
/// <c>Engines:Transcription</c> (Local), <c>Engines:Deidentification</c> (Rules),
/// <c>Engines:Coding</c> (Keywords). An engine this build does not have is a start-up error naming
/// the choices, never a silent fallback.
/// </summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowEngines(this IServiceCollection services, IConfiguration configuration)
    {
        var engines = configuration.GetSection("Engines");

        services.AddOptions<FfmpegOptions>().Bind(engines.GetSection("Ffmpeg"));
        services.AddSingleton<FfmpegAudioDecoder>();
        services.AddSingleton<IAudioProbe, FfmpegAudioProbe>();
        switch (Choice(engines, "Transcription", "Local"))
        {
            case "local":
                services.AddOptions<PocketSphinxOptions>().Bind(engines.GetSection("PocketSphinx"));
                services.AddSingleton<ITranscriptionEngine, PocketSphinxTranscriptionEngine>();
                break;
            default: throw Unknown("Transcription", engines, "Local (offline PocketSphinx)");
        }

        switch (Choice(engines, "Deidentification", "Rules"))
        {
            case "rules":
                services.AddOptions<DeidentificationOptions>().Bind(engines.GetSection("Rules"));
                services.AddSingleton<IDeidentificationEngine, RuleBasedDeidentificationEngine>();
                break;
            default: throw Unknown("Deidentification", engines, "Rules (study identifier list + deterministic recognizers)");
        }

        switch (Choice(engines, "Coding", "Keywords"))
        {
            case "keywords":
                services.AddOptions<KeywordCodingOptions>().Bind(engines.GetSection("Keywords"));
                services.AddSingleton<ICodingEngine, KeywordCodingEngine>();
                break;
            default: throw Unknown("Coding", engines, "Keywords (codebook keywords and phrases)");
        }

        services.AddSingleton<ITranscriptImporter, PlainTextTranscriptImporter>();
        services.AddSingleton<ITranscriptImporter, WebVttTranscriptImporter>();
        services.AddSingleton<ITranscriptImporter, TextGridTranscriptImporter>();
        services.AddSingleton<ITranscriptImporter, DocxTranscriptImporter>();
        services.AddSingleton<TranscriptImporterCatalog>();
        return services;
    }

    private static string Choice(IConfiguration engines, string stage, string fallback) =>
        (engines[stage] is { Length: > 0 } value ? value : fallback).Trim().ToLowerInvariant();

    private static InvalidOperationException Unknown(string stage, IConfiguration engines, string available) =>
        new($"Engines:{stage} = '{engines[stage]}' is not available in this build. Available: {available}.");
}
