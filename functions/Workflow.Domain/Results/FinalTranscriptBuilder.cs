using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Recordings;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Results;

/// <summary>Applies coders' decisions to the engine output to give the final transcript. Pure.</summary>
public static class FinalTranscriptBuilder
{
    /// <summary>
    /// Builds the final transcript. <paramref name="final"/> is the de-identified transcript re-made
    /// without undone redactions; <paramref name="firstPass"/> is the one the segments were cut from;
    /// <paramref name="originalLengths"/> gives, per undone redaction id, the length of the restored text,
    /// so segment offsets can be moved to the final text. Corrected transcript checks replace their
    /// passages (<see cref="TranscriptCorrections"/>); <paramref name="speakerNames"/> renames the
    /// diarized speakers (<see cref="SpeakerNames"/>).
    /// </summary>
    public static FinalTranscript Build(
        DeidentifiedTranscript final,
        DeidentifiedTranscript firstPass,
        IReadOnlyList<Segment> segments,
        IReadOnlyList<VerificationItem> items,
        Codebook? codebook,
        IReadOnlyDictionary<string, int> originalLengths,
        DateTimeOffset now,
        IReadOnlyDictionary<string, string>? speakerNames = null)
    {
        var undone = firstPass.Redactions.Where(r => originalLengths.ContainsKey(r.Id)).ToList();
        var corrections = items
            .Where(i => i is { Kind: VerificationItemKind.TranscriptCheck, Status: VerificationItemStatus.Decided, Passage: not null,
                Decision: { Action: DecisionAction.Correct, CorrectedText: not null } })
            .Select(i => new TranscriptCorrection(i.Passage!.UtteranceIndex,
                Shift(i.Passage.Start, i.Passage.UtteranceIndex, undone, originalLengths),
                Shift(i.Passage.End, i.Passage.UtteranceIndex, undone, originalLengths),
                TranscriptCorrection.Normalize(i.Decision!.CorrectedText!), i.Passage.StartSeconds, i.Passage.EndSeconds));
        var (utterances, finalRedactions, move) = TranscriptCorrections.Apply(final.Utterances, final.Redactions, corrections.ToList());
        var decidedCodes = items
            .Where(i => i is { Kind: VerificationItemKind.CodeSuggestion, Status: VerificationItemStatus.Decided, Suggestion: not null, Decision: not null })
            .ToLookup(i => i.Suggestion!.SegmentId);

        var coded = segments
            .Select(s => new CodedSegment(
                s.Id,
                s.UtteranceIndex,
                move(s.UtteranceIndex, Shift(s.Start, s.UtteranceIndex, undone, originalLengths)),
                move(s.UtteranceIndex, Shift(s.End, s.UtteranceIndex, undone, originalLengths)),
                final.Utterances.FirstOrDefault(u => u.Index == s.UtteranceIndex)?.Speaker ?? s.Speaker,
                CodesFor(decidedCodes[s.Id], codebook)))
            .ToList();

        var redactions = finalRedactions.Select(r => r with { NeedsConfirmation = false }).ToList();
        var built = new FinalTranscript(final.RecordingId, final.StudyId, codebook?.Version ?? 0, final.IdentifierListVersion,
            utterances, redactions, coded, now);
        return speakerNames is { Count: > 0 } ? SpeakerNames.Apply(built, firstPass, speakerNames) : built;
    }

    private static List<AppliedCode> CodesFor(IEnumerable<VerificationItem> items, Codebook? codebook)
    {
        var codes = new List<AppliedCode>();
        foreach (var item in items)
        {
            var decision = item.Decision!;
            var suggestion = item.Suggestion!;
            IEnumerable<(string Id, CodeOrigin Origin)> applied = decision.Action switch
            {
                DecisionAction.Accept => [(suggestion.CodeId, CodeOrigin.Accepted)],
                DecisionAction.Edit => (decision.CodeIds ?? []).Select(id => (id, CodeOrigin.Edited)),
                _ => [],
            };
            foreach (var (id, origin) in applied)
                if (codes.All(c => c.CodeId != id))
                    codes.Add(new AppliedCode(id, codebook?.Find(id)?.Name ?? id, origin, decision.DecidedBy,
                        origin == CodeOrigin.Accepted ? suggestion.Evidence.Text : null));
        }
        return codes;
    }

    /// <summary>Moves an offset in the first-pass text to the final text, past restored words.</summary>
    private static int Shift(int offset, int utterance, List<Redaction> undone, IReadOnlyDictionary<string, int> originalLengths) =>
        offset + undone
            .Where(r => r.UtteranceIndex == utterance && r.End <= offset)
            .Sum(r => originalLengths[r.Id] - (r.End - r.Start));
}
