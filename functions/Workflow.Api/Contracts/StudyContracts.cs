using Workflow.Composition;
using Workflow.Domain.Studies;

namespace Workflow.Api.Contracts;

/// <summary>Response of <c>PUT /api/studies/{studyId}/codebook</c>: the new version and its size.</summary>
public sealed record CodebookVersionResponse(string StudyId, int Version, int Themes, int Codes);

/// <summary>Response of <c>PUT /api/studies/{studyId}/identifiers</c>. The list is identifiable, so it is never echoed.</summary>
public sealed record IdentifierListVersionResponse(string StudyId, int Version, int Count, IdentifierListReprocess? Reprocess = null);

/// <summary>The de-identification batch a list change started (or why none started); null when there was nothing to re-run.</summary>
public sealed record IdentifierListReprocess(bool Started, string? OperationId, string? StatusUrl, string? Reason, bool Queued = false);

/// <summary>Response of <c>PUT /api/studies/{studyId}/engines</c>: the study's settings as stored.</summary>
public sealed record StudyEnginesResponse(string StudyId, StudyEngineSettings Engines);

/// <summary>Response of <c>PUT</c> and <c>GET /api/studies/{studyId}/verification</c>.</summary>
public sealed record StudyVerificationResponse(string StudyId, StudyVerificationSettings Verification);

/// <summary>One engine the host offers (<c>GET /api/engines</c>).</summary>
public sealed record EngineView(string Stage, string Key, string Description, bool Cloud)
{
    public static EngineView From(EngineDescriptor d) => new(d.Stage.ToString(), d.Key, d.Description, d.IsCloud);
}

/// <summary>Response of <c>GET /api/engines</c>: what is offered and the host's defaults.</summary>
public sealed record EnginesResponse(IReadOnlyList<EngineView> Engines, EngineChoices Defaults);

/// <summary>Body of <c>POST /api/recordings/{recordingId}/missed-identifiers</c>: the words as the transcript shows them, and their kind.</summary>
public sealed record MissedIdentifierRequest(string? Text, Workflow.Domain.Deidentification.IdentifierKind? Kind);

/// <summary>
/// What marking a missed identifier did: how often the words occur in the recording, the identifier
/// list version that now holds them (<see cref="Added"/> false when the list already did), and the
/// de-identification batch the new version started. The words themselves are not echoed.
/// </summary>
public sealed record MissedIdentifierResponse(
    string RecordingId,
    Workflow.Domain.Deidentification.IdentifierKind Kind,
    int Occurrences,
    int IdentifierListVersion,
    bool Added,
    IdentifierListReprocess? Reprocess);

/// <summary>Body of <c>POST /api/studies/{studyId}/identifiers/links</c>: two or more ways of naming one entity, and its kind.</summary>
public sealed record IdentifierLinkRequest(IReadOnlyList<string?>? Texts, Workflow.Domain.Deidentification.IdentifierKind? Kind);

/// <summary>
/// What a link did: the list version that holds it (<see cref="Changed"/> false when the list already
/// did), how many surfaces the entity now has, how many listed entries were merged into it, the
/// pseudonym it carries (null until first seen in a transcript), and the de-identification batch the
/// change started. No text is echoed.
/// </summary>
public sealed record IdentifierLinkResponse(
    string StudyId,
    Workflow.Domain.Deidentification.IdentifierKind Kind,
    int IdentifierListVersion,
    bool Changed,
    int Surfaces,
    int Merged,
    string? Label,
    IdentifierListReprocess? Reprocess);

/// <summary>Response of <c>GET /api/studies/{studyId}/codebook/versions</c>: newest first.</summary>
public sealed record CodebookVersionsResponse(string StudyId, int Current, IReadOnlyList<Workflow.Domain.Coding.CodebookVersionSummary> Versions);
