using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;

namespace Workflow.Composition;

/// <summary>
/// Picks the engine for each stage of a study: the study's own choice if it has one, else the host's
/// default; a cloud engine only when the study allows cloud engines. De-identification is always the
/// study identifier list plus the chosen detectors (<see cref="CompositeDeidentificationEngine"/>).
/// </summary>
public sealed class EngineSelection
{
    private readonly IServiceProvider _services;
    private readonly EngineChoices _defaults;
    private readonly Dictionary<(EngineStage, string), EngineDescriptor> _descriptors;

    public EngineSelection(IServiceProvider services, IEnumerable<EngineDescriptor> descriptors, EngineChoices defaults)
    {
        _services = services;
        _defaults = defaults;
        _descriptors = descriptors.ToDictionary(d => (d.Stage, d.Key));
    }

    /// <summary>The host's defaults, which studies without their own choice follow.</summary>
    public EngineChoices Defaults => _defaults;

    /// <summary>The transcription engine for <paramref name="study"/>.</summary>
    public ITranscriptionEngine Transcription(Study study) =>
        Resolve<ITranscriptionEngine>(EngineStage.Transcription, study.EngineSettings.Transcription ?? _defaults.Transcription, study);

    /// <summary>The coding engine for <paramref name="study"/>.</summary>
    public ICodingEngine Coding(Study study) =>
        Resolve<ICodingEngine>(EngineStage.Coding, study.EngineSettings.Coding ?? _defaults.Coding, study);

    /// <summary>
    /// The study list plus the study's detectors. A cloud detector is left out (not failed) for a study
    /// that does not allow cloud engines when it only comes from the host default: the local detectors
    /// still run. A study that names a cloud detector itself while forbidding cloud is refused when set.
    /// </summary>
    public IDeidentificationEngine Deidentification(Study study)
    {
        var settings = study.EngineSettings;
        var keys = settings.Deidentification ?? _defaults.Deidentification;
        var detectors = keys.Select(EngineChoices.Normalize)
            .Where(k => settings.AllowCloudEngines || !Describe(EngineStage.Deidentification, k).IsCloud || settings.Deidentification is not null)
            .Select(k => Resolve<IDeidentificationEngine>(EngineStage.Deidentification, k, study))
            .ToList();
        var studyList = _services.GetRequiredKeyedService<IDeidentificationEngine>(EngineKeys.StudyList);
        return new CompositeDeidentificationEngine(studyList, detectors);
    }

    /// <summary>Problems with a study's engine settings, for the API to report when a lead sets them.</summary>
    public IReadOnlyList<string> Check(StudyEngineSettings settings)
    {
        var errors = new List<string>();
        void CheckOne(EngineStage stage, string? key)
        {
            if (key is null) return;
            var normalized = EngineChoices.Normalize(key);
            if (!_descriptors.TryGetValue((stage, normalized), out var d) || normalized == EngineKeys.StudyList)
                errors.Add($"engines.{Camel(stage)}: '{key}' is not available. Available: {AvailableText(stage)}.");
            else if (d.IsCloud && !settings.AllowCloudEngines)
                errors.Add($"engines.{Camel(stage)}: '{key}' is a cloud engine; set allowCloudEngines only if the study's ethics approval allows it.");
        }
        CheckOne(EngineStage.Transcription, settings.Transcription);
        CheckOne(EngineStage.Coding, settings.Coding);
        foreach (var key in settings.Deidentification ?? []) CheckOne(EngineStage.Deidentification, key);
        return errors;
    }

    /// <summary>The engines offered for <paramref name="stage"/>, for messages and the API.</summary>
    public IReadOnlyList<EngineDescriptor> Available(EngineStage stage) =>
        _descriptors.Values.Where(d => d.Stage == stage && d.Key != EngineKeys.StudyList).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();

    private T Resolve<T>(EngineStage stage, string key, Study study) where T : notnull
    {
        var descriptor = Describe(stage, key);
        if (descriptor.IsCloud && !study.EngineSettings.AllowCloudEngines)
            throw new EngineUnavailableException(
                $"Study '{study.Id}' does not allow cloud engines, and the {stage} engine '{descriptor.Key}' is one. " +
                $"Choose a local engine for the study ({string.Join(", ", Available(stage).Where(d => !d.IsCloud).Select(d => d.Key))}), " +
                "or allow cloud engines if its ethics approval permits.");
        return _services.GetRequiredKeyedService<T>(descriptor.Key);
    }

    private EngineDescriptor Describe(EngineStage stage, string key) =>
        _descriptors.TryGetValue((stage, EngineChoices.Normalize(key)), out var d)
            ? d
            : throw new EngineUnavailableException($"The {stage} engine '{key}' is not available in this build. Available: {AvailableText(stage)}.");

    internal string AvailableText(EngineStage stage) =>
        string.Join(", ", Available(stage).Select(d => $"{d.Key} ({d.Description}{(d.IsCloud ? ", cloud" : "")})"));

    private static string Camel(EngineStage stage) => char.ToLowerInvariant(stage.ToString()[0]) + stage.ToString()[1..];
}
