using Workflow.Domain.Recordings;

namespace Workflow.Domain.Reprocessing;

/// <summary>What the planner needs to know of a recording: no text, only where it stands.</summary>
public sealed record ReprocessCandidate(
    string RecordingId,
    string SiteId,
    SourceKind Source,
    RecordingStatus Status,
    PipelineStage Stage,
    int? CodedWithCodebookVersion,
    bool AudioDeleted = false);
