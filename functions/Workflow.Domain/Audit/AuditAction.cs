using System.Text.Json.Serialization;

namespace Workflow.Domain.Audit;

/// <summary>
/// What an audit event records. Stored by name (never by number), so new actions can be added
/// anywhere in the list without changing the meaning, or the hash, of events already chained.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditAction>))]
public enum AuditAction
{
    StudyCreated,
    StudyEnginesChanged,
    /// <summary>A lead changed how the study's proposals are verified (the double-coded share).</summary>
    StudyVerificationChanged,
    CodebookChanged,
    IdentifierListChanged,
    UploadAccepted,
    /// <summary>An uploader was given a URL to write one file straight into the drop zone.</summary>
    UploadGranted,
    DecisionRecorded,
    /// <summary>A decided item got a newer decision; the one it replaced stays in the item's history.</summary>
    DecisionRevised,
    /// <summary>A lead read a recording's redaction key: the words behind its labels, that is, identities.</summary>
    RedactionKeyRead,
    /// <summary>A coder claimed a redaction check, which shows the words the redaction hides.</summary>
    RedactionShown,
    Exported,
    ReprocessStarted,
    /// <summary>A user was given roles in the study, had them changed, or was removed.</summary>
    MembershipChanged,
    /// <summary>A lead asked for a recording to be deleted; its work is stopped and its data erased.</summary>
    RecordingDeletionRequested,
    /// <summary>A recording's data and orchestration history are gone (the event says how much was erased).</summary>
    RecordingDeleted,
    /// <summary>A participant withdrew consent: their recordings are deleted and later uploads refused.</summary>
    ConsentWithdrawn,
    /// <summary>A verified recording's raw audio was deleted under the retention rule (its transcripts stay).</summary>
    RawAudioDeleted,
    /// <summary>A coder marked words the engines left in a transcript as an identifier; they joined the study's list.</summary>
    MissedIdentifierMarked,
    /// <summary>A lead linked several ways of naming one entity, so they share one pseudonym.</summary>
    IdentifiersLinked,
    /// <summary>A recording's diarized speakers were named by role or participant id (the event holds how many, not the names).</summary>
    SpeakersNamed,
}
