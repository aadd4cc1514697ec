using Workflow.Domain.Coding;

namespace Workflow.Domain.Exports.Qda;

/// <summary>
/// Maps a study's verified material to a REFI-QDA project: themes as non-codable parent codes of their
/// codes, a case per participant with site and respondent role, a text source per recording (its plain
/// text as <see cref="TranscriptText"/> lays it out), a selection per coded segment with one coding per
/// verified code, and coders' memos as notes. Every GUID comes from <see cref="ExportGuids"/>.
/// </summary>
public static class QdaProjectBuilder
{
    public const string Origin = "Qualitative research workflow";
    public const string SiteVariable = "Site";
    public const string RoleVariable = "Respondent role";
    public const string FormatVariable = "Format";

    public static QdaProject Build(StudyExportData data)
    {
        var study = data.StudyId;
        Guid Id(string kind, string id) => ExportGuids.For(study, kind, id);
        var codeGuids = data.Codebook.Codes.ToDictionary(c => c.Id, c => Id("code", c.Id), StringComparer.Ordinal);

        var users = data.Recordings
            .SelectMany(r => r.Transcript.Segments.SelectMany(s => s.Codes.Select(c => c.DecidedBy)).Concat(r.MemoList.Select(m => m.Author)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(u => new QdaUser(Id("user", u), u)).ToList();
        Guid UserGuid(string user) => Id("user", user);

        var site = new QdaVariable(Id("variable", "site"), SiteVariable, "The fieldwork site.");
        var role = new QdaVariable(Id("variable", "role"), RoleVariable, "The stakeholder group the participant speaks for.");
        var format = new QdaVariable(Id("variable", "format"), FormatVariable, "Individual interview or focus group.");

        var notes = new List<QdaNote>();
        var sources = new List<QdaTextSource>();
        foreach (var recording in data.Recordings)
        {
            var transcript = recording.Transcript;
            var text = TranscriptText.Of(transcript);
            var selections = new List<QdaSelection>();
            foreach (var segment in transcript.Segments.Where(s => s.Codes.Count > 0))
            {
                if (text.CodePointRange(segment) is not { } range) continue;
                var key = $"{recording.RecordingId}/{segment.Id}";
                var codings = new List<QdaCoding>();
                foreach (var code in segment.Codes)
                {
                    if (!codeGuids.TryGetValue(code.CodeId, out var codeGuid)) continue; // ExportCodebook.Complete prevents this
                    var memos = recording.MemoList.Where(m => m.SegmentId == segment.Id && m.CodeId == code.CodeId).ToList();
                    var noteGuids = new List<Guid>();
                    foreach (var (memo, i) in memos.Select((m, i) => (m, i)))
                    {
                        var note = new QdaNote(Id("note", $"{key}/{code.CodeId}/{i}"), $"Memo on {code.CodeName}", memo.Text, UserGuid(memo.Author), transcript.FinalizedAt);
                        notes.Add(note);
                        noteGuids.Add(note.Guid);
                    }
                    codings.Add(new QdaCoding(Id("coding", $"{key}/{code.CodeId}"), codeGuid, UserGuid(code.DecidedBy), transcript.FinalizedAt, noteGuids));
                }
                if (codings.Count == 0) continue;
                selections.Add(new QdaSelection(Id("selection", key), segment.Id, range.Start, range.End,
                    UserGuid(segment.Codes[0].DecidedBy), transcript.FinalizedAt, codings));
            }
            sources.Add(new QdaTextSource(Id("source", recording.RecordingId), recording.RecordingId, text.Text, selections,
                [new(site.Guid, data.SiteName(recording.Metadata.SiteId)), new(format.Guid, ExportLabels.Format(recording.Metadata.Format))]));
        }

        var cases = data.Recordings
            .SelectMany(r => r.Metadata.Participants.Select(p => (Participant: p, Recording: r)))
            .GroupBy(x => x.Participant.ParticipantId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QdaCase(Id("case", g.Key), g.Key,
                [
                    new(site.Guid, string.Join("; ", g.Select(x => data.SiteName(x.Recording.Metadata.SiteId)).Distinct(StringComparer.Ordinal))),
                    new(role.Guid, string.Join("; ", g.Select(x => ExportLabels.Role(x.Participant.Role)).Distinct(StringComparer.Ordinal))),
                ],
                g.Select(x => Id("source", x.Recording.RecordingId)).Distinct().ToList()))
            .ToList();

        return new QdaProject(data.StudyName, Origin, users, Codes(data.Codebook, codeGuids), [site, role, format], cases, sources, notes);
    }

    private static IReadOnlyList<QdaCode> Codes(Codebook codebook, Dictionary<string, Guid> guids) => QdaCodeTree.From(codebook, id => guids[id]);
}
