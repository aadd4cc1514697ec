using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Composition;

namespace Workflow.Engines.Whisper;

/// <summary>
/// Offers the transcription engine <c>whisper</c> (offline, not cloud). Needs <c>AddLocalEngines</c> for
/// the ffmpeg decoder. Registering it costs nothing: the model loads when a recording first uses it, and
/// a missing model fails only the recordings of studies that chose Whisper, with a message naming
/// <see cref="WhisperOptions.ModelPathSetting"/>.
/// </summary>
public static class WhisperEngineServiceCollectionExtensions
{
    /// <summary>The engine's key in <c>Engines:Transcription</c> and a study's engine settings.</summary>
    public const string EngineKey = "whisper";

    public static IServiceCollection AddWhisperEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WhisperOptions>().Bind(configuration.GetSection(EngineChoices.SectionName).GetSection("Whisper"));
        services.AddTranscriptionEngine<WhisperTranscriptionEngine>(EngineKey, "offline Whisper (whisper.cpp) with a ggml model file set in " + WhisperOptions.ModelPathSetting);
        return services;
    }
}
