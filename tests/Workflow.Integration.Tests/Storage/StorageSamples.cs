using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Recordings;
using Workflow.Domain.Verification;
using Workflow.Storage;

namespace Workflow.Integration.Tests.Storage;

/// <summary>Small, valid domain objects for storage tests; every id is fresh so tests never share rows.</summary>
internal static class StorageSamples
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A recording id in the shape <see cref="RecordingIds"/> produces, unique per call.</summary>
    public static string NewRecordingId() => "rec-" + Guid.NewGuid().ToString("N")[..20];

    public static VerificationItem Suggestion(string studyId, string recordingId, string local, DateTimeOffset? createdAt = null) =>
        new(VerificationQueue.ItemId(studyId, recordingId, local), studyId, recordingId, VerificationItemKind.CodeSuggestion,
            "I felt nobody listened at the clinic.", null, null,
            new CodeSuggestion("s1", "not-heard", 0.7, new EvidenceSpan(2, 22, "felt nobody listened"), "test", 1),
            VerificationItemStatus.Pending, null, null, null, createdAt ?? T0);

    public static VerificationItem Redaction(string studyId, string recordingId, string local, DateTimeOffset? createdAt = null) =>
        new(VerificationQueue.ItemId(studyId, recordingId, local), studyId, recordingId, VerificationItemKind.Redaction,
            "I saw [PERSON_1] on Tuesday.", new Redaction("red-1", 0, 6, 16, IdentifierKind.Person, "[PERSON_1]", 0.5, "test", true),
            "Dr Penhale", null, VerificationItemStatus.Pending, null, null, null, createdAt ?? T0);

    /// <summary>Code-suggestion items c00..c{n-1} of one recording, each a second younger than the last.</summary>
    public static List<VerificationItem> Suggestions(string studyId, string recordingId, int count) =>
        Enumerable.Range(0, count).Select(i => Suggestion(studyId, recordingId, $"c{i:D2}", T0.AddSeconds(i))).ToList();

    public static VerificationDecision Decision(string coder, DecisionAction action = DecisionAction.Accept) =>
        new(action, null, null, coder, T0.AddHours(1));

    public static Recording Recording(string studyId, DateTimeOffset createdAt, string? id = null) =>
        new(id ?? NewRecordingId(), studyId,
            new RecordingMetadata("site-a", RecordingFormat.IndividualInterview, [new ParticipantRef("P001", RespondentRole.ServiceUser)],
                "AB", new DateOnly(2025, 2, 28), new ConsentFlags(true, true, false, false)),
            SourceKind.Audio, "interview.wav", "audio/wav", 1024, new string('a', 64),
            PipelineStage.Received, RecordingStatus.Running, null, null, createdAt, createdAt);
}
