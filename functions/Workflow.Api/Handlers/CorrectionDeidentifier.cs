using Workflow.Domain.Verification;
using Workflow.Orchestrations.Verification;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Passes a transcript check's corrected text through the study's de-identification before the
/// decision is stored (<see cref="FreeTextDeidentifier"/>), so a name the coder heard and wrote down is
/// a pseudonym label in the queue, the final transcript and every export, and never stored as typed.
/// </summary>
public sealed class CorrectionDeidentifier(StudyRepository studies, FreeTextDeidentifier deidentifier)
{
    /// <summary>The text to store; null when there is none.</summary>
    public async Task<string?> DeidentifiedAsync(VerificationItem item, string? correctedText, CancellationToken ct)
    {
        if (correctedText is null) return null;
        var study = await studies.GetAsync(item.StudyId, ct)
            ?? throw new InvalidOperationException("The item's study is missing.");
        return (await deidentifier.DeidentifyAsync(study, [correctedText.Trim()], ct))[0];
    }
}
