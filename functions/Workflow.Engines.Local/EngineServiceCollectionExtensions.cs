using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Coding;
using Workflow.Engines.Local.Deidentification;
using Workflow.Engines.Local.Import;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local;

/// <summary>
/// Offers the offline engines to the composition, each under its key: transcription <c>local</c>
/// (PocketSphinx), de-identification <c>rules</c> (patterns), <c>names</c> (gazetteers in context) and
/// the always-on study list, coding
/// <c>keywords</c>. Also the audio probe, the audio redactor and the transcript importers, which every host needs.
/// Registering an engine does not choose it: <c>Engines:*</c> and each study's settings do.
/// </summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddLocalEngines(this IServiceCollection services, IConfiguration configuration)
    {
        var engines = configuration.GetSection(EngineChoices.SectionName);

        services.AddOptions<FfmpegOptions>().Bind(engines.GetSection("Ffmpeg"));
        services.AddSingleton<FfmpegAudioDecoder>();
        services.AddSingleton<IAudioProbe, FfmpegAudioProbe>();
        services.AddSingleton<IAudioRedactor, FfmpegAudioRedactor>();

        services.AddOptions<PocketSphinxOptions>().Bind(engines.GetSection("PocketSphinx"));
        services.AddSingleton<RecordingSplitter>();
        services.AddTranscriptionEngine<PocketSphinxTranscriptionEngine>("local", "offline PocketSphinx");

        services.AddOptions<DeidentificationOptions>().Bind(engines.GetSection("Rules"));
        services.AddDeidentificationEngine<StudyListDetector>(EngineKeys.StudyList, "the study identifier list");
        services.AddDeidentificationEngine<RuleBasedDeidentificationEngine>("rules", "deterministic patterns: contacts, NHS numbers, dates, ages, addresses, titled names");
        services.AddOptions<NameEngineOptions>().Bind(engines.GetSection("Names"));
        services.AddDeidentificationEngine<NameAndPlaceDeidentificationEngine>("names", "unlisted people, places and organisations from gazetteers, decided in context");

        services.AddOptions<KeywordCodingOptions>().Bind(engines.GetSection("Keywords"));
        services.AddCodingEngine<KeywordCodingEngine>("keywords", "codebook keywords and phrases");

        services.AddSingleton<ITranscriptImporter, PlainTextTranscriptImporter>();
        services.AddSingleton<ITranscriptImporter, WebVttTranscriptImporter>();
        services.AddSingleton<ITranscriptImporter, TextGridTranscriptImporter>();
        services.AddSingleton<ITranscriptImporter, DocxTranscriptImporter>();
        services.AddSingleton<TranscriptImporterCatalog>();
        return services;
    }
}
