namespace Workflow.Domain.Studies;

/// <summary>How a study's proposals are verified.</summary>
/// <param name="DoubleCodingShare">
/// The share of segments (0 to 1) whose proposals a second coder judges independently, so coders'
/// agreement with each other can be measured; disagreements go to a lead. Applies to recordings queued
/// after it is set; a re-coding pass is single-coded.
/// </param>
public sealed record StudyVerificationSettings(double DoubleCodingShare = 0)
{
    /// <summary>Single coding: what a study gets when it says nothing.</summary>
    public static readonly StudyVerificationSettings Default = new();

    /// <summary>Problems with the settings; empty when valid.</summary>
    public IReadOnlyList<string> Problems() =>
        double.IsFinite(DoubleCodingShare) && DoubleCodingShare is >= 0 and <= 1
            ? []
            : ["doubleCodingShare must be a number from 0 (no double coding) to 1 (every segment)."];
}
