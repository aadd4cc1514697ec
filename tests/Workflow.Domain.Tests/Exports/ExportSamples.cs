using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Exports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Results;
using Workflow.Domain.Studies;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Tests.Exports;

/// <summary>A small study with non-ASCII text (an accent and an emoji before coded words), a focus group and two coders.</summary>
internal static class ExportSamples
{
    public static readonly DateTimeOffset Finalized = new(2025, 6, 1, 12, 30, 45, TimeSpan.Zero);

    public const string CafeLine = "At the café 🙂 they said [PERSON_1] was on a waiting list.";
    public const string CafeCoded = "[PERSON_1] was on a waiting list";

    public static readonly Codebook Codebook = new("study-x", 3, "Involvement", [
        new CodebookEntry("t-access", null, 1, "Access", "Getting into services.", Color: "#1F77B4"),
        new CodebookEntry("c-waiting", "t-access", 2, "Waiting lists", "Waiting for treatment.", "Any delay.", "Waiting in a queue at the counter."),
        new CodebookEntry("c-stigma", "t-access", 2, "Stigma", "Being judged."),
        new CodebookEntry("t-voice", null, 1, "Voice", "Being heard."),
        new CodebookEntry("c-meetings", "t-voice", 2, "User meetings", "Service-user forums."),
    ], DateTimeOffset.UnixEpoch);

    private static CodedSegment Segment(string id, int utterance, string text, string coded, string speaker, params AppliedCode[] codes)
    {
        var start = text.IndexOf(coded, StringComparison.Ordinal);
        return new CodedSegment(id, utterance, start, start + coded.Length, speaker, codes);
    }

    private static AppliedCode Code(string id, string name, string by) => new(id, name, CodeOrigin.Accepted, by, null);

    public static RecordingExport Interview()
    {
        string[] lines = [CafeLine, "=SUM(A1) is what \"they\" wrote, then -1, then @me."];
        var utterances = new List<Utterance>
        {
            new(0, "P017", 3.2, 9.9, lines[0], []),
            new(1, "Interviewer", 10.0, 12.5, lines[1], []),
        };
        var final = new FinalTranscript("rec-a", "study-x", 3, 2, utterances, [new Redaction("r0-25-35", 0, 25, 35, IdentifierKind.Person, "[PERSON_1]", 0.95, "study-list", false)],
            [
                Segment("s0", 0, lines[0], CafeCoded, "P017", Code("c-waiting", "Waiting lists", "coder-1"), Code("c-stigma", "Stigma", "coder-2")),
                Segment("s1", 1, lines[1], lines[1], "Interviewer", Code("c-meetings", "User meetings", "coder-1")),
            ], Finalized);
        var metadata = new RecordingMetadata("site-a", RecordingFormat.IndividualInterview, [new ParticipantRef("P017", RespondentRole.ServiceUser)],
            null, null, new ConsentFlags(true, true, true, true));
        return new RecordingExport("rec-a", metadata, final, [new CodingMemo("s0", "c-stigma", "coder-2", "Judged by staff, \"not\" by peers.")]);
    }

    public static RecordingExport FocusGroup()
    {
        var utterances = new List<Utterance>
        {
            Utterance.Untimed(0, "P020", "Ça va: the forum listens now, and the waiting list is shorter."),
            Utterance.Untimed(1, "P021", "Staff still look down on us."),
        };
        var final = new FinalTranscript("rec-b", "study-x", 3, 2, utterances, [],
            [
                Segment("s0", 0, utterances[0].Text, "the forum listens now", "P020", Code("c-meetings", "User meetings", "coder-1"), Code("c-waiting", "Waiting lists", "coder-1")),
                Segment("s1", 1, utterances[1].Text, utterances[1].Text, "P021", Code("c-stigma", "Stigma", "coder-2")),
                Segment("s2", 1, utterances[1].Text, "look down", "P021"),
            ], Finalized.AddDays(1));
        var metadata = new RecordingMetadata("site-b", RecordingFormat.FocusGroup,
            [new ParticipantRef("P020", RespondentRole.ServiceUser), new ParticipantRef("P021", RespondentRole.Carer)],
            null, null, new ConsentFlags(true, true, true, true));
        return new RecordingExport("rec-b", metadata, final);
    }

    public static StudyExportData Study() =>
        new("study-x", "Involvement study", [new Site("site-a", "Site A"), new Site("site-b", "Site B"), new Site("site-c", "Site C")],
            Codebook, [Interview(), FocusGroup()]);
}
