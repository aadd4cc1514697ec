using System.Text;
using Workflow.Domain.Coding;
using Workflow.Domain.Exports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Results;
using Workflow.Domain.Studies;
using Workflow.Domain.Transcripts;

namespace Workflow.ExportBench;

/// <summary>
/// A generated study: recordings of about <c>words</c> words each in 60-word timed turns, six sites, a
/// 6-theme × 5-code codebook, a coded segment per turn (one to three codes, two coders), with accents
/// and an emoji now and then so code-point counting is exercised. Seeded: every run is the same.
/// </summary>
internal static class SyntheticStudy
{
    private static readonly string[] Words =
        ["the", "group", "meets", "every", "week", "and", "we", "talk", "about", "service", "script", "worker", "panel", "really", "café", "naïve", "🙂", "waiting", "list", "[PERSON_3]"];

    public static StudyExportData Build(int recordings, int words)
    {
        var random = new Random(7);
        var sites = Enumerable.Range(0, 6).Select(i => new Site($"site-{(char)('a' + i)}", $"Site {(char)('A' + i)}")).ToList();
        var codes = new List<CodebookEntry>();
        for (var t = 0; t < 6; t++)
        {
            codes.Add(new CodebookEntry($"t{t}", null, 1, $"Theme {t}", $"Theme {t} definition.", Color: $"#{t * 40:X2}79A7"));
            for (var c = 0; c < 5; c++) codes.Add(new CodebookEntry($"t{t}-c{c}", $"t{t}", 2, $"Code {t}.{c}", $"Code {t}.{c} definition.", "Include this.", "Not that."));
        }
        var applicable = codes.Where(c => c.IsApplicable).ToList();
        var codebook = new Codebook("bench-study", 1, "Bench codebook", codes, DateTimeOffset.UnixEpoch);
        var finalized = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var list = new List<RecordingExport>();
        for (var r = 0; r < recordings; r++)
        {
            var utterances = new List<Utterance>();
            var segments = new List<CodedSegment>();
            var seconds = 0.0;
            for (var turn = 0; turn * 60 < words; turn++)
            {
                var text = new StringBuilder();
                for (var w = 0; w < 60; w++) text.Append(Words[random.Next(Words.Length)]).Append(w % 12 == 11 ? ". " : " ");
                var line = text.ToString().TrimEnd();
                var speaker = turn % 2 == 0 ? "Interviewer" : $"P{r:D3}";
                utterances.Add(new Utterance(turn, speaker, seconds, seconds + 25, line, []));
                seconds += 26;
                if (turn % 2 == 1)
                {
                    var start = line.IndexOf(' ', 10) + 1;
                    var applied = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => applicable[random.Next(applicable.Count)]).DistinctBy(c => c.Id)
                        .Select(c => new AppliedCode(c.Id, c.Name, CodeOrigin.Accepted, random.Next(2) == 0 ? "coder-a" : "coder-b", null)).ToList();
                    segments.Add(new CodedSegment($"s{turn}", turn, start, line.Length, speaker, applied));
                }
            }
            var id = $"rec-{r:D4}";
            var metadata = new RecordingMetadata(sites[r % sites.Count].Id, r % 7 == 0 ? RecordingFormat.FocusGroup : RecordingFormat.IndividualInterview,
                [new ParticipantRef($"P{r:D3}", (RespondentRole)(r % 5))], null, null, new ConsentFlags(true, true, true, true));
            list.Add(new RecordingExport(id, metadata, new FinalTranscript(id, "bench-study", 1, 1, utterances, [], segments, finalized)));
        }
        return new StudyExportData("bench-study", "Bench study", sites, codebook, list);
    }
}
