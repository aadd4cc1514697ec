using Workflow.Domain.Verification;

namespace Workflow.Orchestrations.Contracts;

/// <summary>Which pending items of a recording to retire.</summary>
public sealed record SupersedeInput(string StudyId, string RecordingId, VerificationItemKind Kind);
