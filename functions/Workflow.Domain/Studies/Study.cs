using System.Text.Json.Serialization;

namespace Workflow.Domain.Studies;

/// <summary>A qualitative study: the unit that owns sites, a codebook, an identifier list and a pseudonym registry.</summary>
public sealed record Study(string Id, string Name, IReadOnlyList<Site> Sites, DateTimeOffset CreatedAt)
{
    /// <summary>The study's engine choices; null (studies stored before engines were per study) means the defaults.</summary>
    public StudyEngineSettings? Engines { get; init; }

    /// <summary>The study's own pattern for participant ids; null means <see cref="ParticipantIds.DefaultPattern"/>.</summary>
    public string? ParticipantIdPattern { get; init; }

    /// <summary>How the study's proposals are verified; null (studies stored before this existed) means single coding.</summary>
    public StudyVerificationSettings? Verification { get; init; }

    /// <summary>The engine choices in force: the study's own, or the defaults.</summary>
    [JsonIgnore]
    public StudyEngineSettings EngineSettings => Engines ?? StudyEngineSettings.Default;

    /// <summary>The verification settings in force: the study's own, or single coding.</summary>
    [JsonIgnore]
    public StudyVerificationSettings VerificationSettings => Verification ?? StudyVerificationSettings.Default;

    /// <summary>True when <paramref name="siteId"/> is one of the study's sites.</summary>
    public bool HasSite(string siteId) => Sites.Any(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase));
}
