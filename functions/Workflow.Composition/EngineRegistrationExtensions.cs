using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Ports;

namespace Workflow.Composition;

/// <summary>
/// How an adapter project offers its engines: each registers its own keyed services, so a new adapter
/// plugs in without any other adapter or the composition knowing about it.
/// </summary>
public static class EngineRegistrationExtensions
{
    /// <summary>Offers <typeparamref name="T"/> as the transcription engine named <paramref name="key"/>.</summary>
    public static IServiceCollection AddTranscriptionEngine<T>(this IServiceCollection services, string key, string description, bool isCloud = false)
        where T : class, ITranscriptionEngine =>
        services.AddEngine<ITranscriptionEngine, T>(EngineStage.Transcription, key, description, isCloud);

    /// <summary>Offers <typeparamref name="T"/> as a de-identification detector named <paramref name="key"/>.</summary>
    public static IServiceCollection AddDeidentificationEngine<T>(this IServiceCollection services, string key, string description, bool isCloud = false)
        where T : class, IDeidentificationEngine =>
        services.AddEngine<IDeidentificationEngine, T>(EngineStage.Deidentification, key, description, isCloud);

    /// <summary>Offers <typeparamref name="T"/> as the coding engine named <paramref name="key"/>.</summary>
    public static IServiceCollection AddCodingEngine<T>(this IServiceCollection services, string key, string description, bool isCloud = false)
        where T : class, ICodingEngine =>
        services.AddEngine<ICodingEngine, T>(EngineStage.Coding, key, description, isCloud);

    private static IServiceCollection AddEngine<TPort, TImpl>(this IServiceCollection services, EngineStage stage, string key, string description, bool isCloud)
        where TPort : class
        where TImpl : class, TPort
    {
        var normalized = EngineChoices.Normalize(key);
        services.AddKeyedSingleton<TPort, TImpl>(normalized);
        services.AddSingleton(new EngineDescriptor(stage, normalized, description, isCloud));
        return services;
    }
}
