using Workflow.Domain.Coding;

namespace Workflow.Domain.Exports.Reports;

/// <summary>
/// How often each code was applied across a study's verified transcripts, by site and by respondent
/// group (the view of the seed study's Table 1), and which codes share segments. Counts are coded
/// segments; a segment credited to several respondent groups (a focus group) counts once in each, so
/// the role columns may add up to more than <see cref="CodeRow.Total"/>.
/// </summary>
public sealed record CodeReport(
    string StudyId,
    string StudyName,
    int Recordings,
    int CodedSegments,
    IReadOnlyList<ReportColumn> Sites,
    IReadOnlyList<ReportColumn> Roles,
    IReadOnlyList<CodeRow> Codes,
    IReadOnlyList<CodePair> CoOccurrences,
    CodeAgreement? Agreement = null);

/// <summary>A column of a matrix (a site or respondent group) with the number of verified recordings in it.</summary>
public sealed record ReportColumn(string Id, string Name, int Recordings);

/// <summary>One code's counts: per site and per role in the order of the report's columns.</summary>
public sealed record CodeRow(
    string ThemeId,
    string Theme,
    string CodeId,
    string Code,
    IReadOnlyList<int> BySite,
    IReadOnlyList<int> ByRole,
    int Total,
    int RecordingsWithCode);

/// <summary>Two codes applied to the same segments, and how many.</summary>
public sealed record CodePair(string CodeA, string NameA, string CodeB, string NameB, int Segments);

/// <summary>
/// Per-code agreement between coders and the coding engine (<see cref="HumanMachineSample"/>), present
/// only once some segment's suggestions are all decided. <see cref="Codes"/> follows the report's code
/// order, then any code only an earlier codebook version had.
/// </summary>
public sealed record CodeAgreement(string Basis, int Units, int SegmentsAwaitingDecisions, AgreementCounts Pooled, IReadOnlyList<CodeAgreementRow> Codes);

/// <summary>One code's table between coders (reference) and the engine (compared).</summary>
public sealed record CodeAgreementRow(string CodeId, string Code, AgreementCounts Counts);
