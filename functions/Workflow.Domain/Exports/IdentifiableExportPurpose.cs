namespace Workflow.Domain.Exports;

/// <summary>
/// Why a lead takes identifiable material out. A fixed list rather than free text: the audit trail
/// records the purpose, and the trail must never hold words a person typed (they could name someone).
/// </summary>
public enum IdentifiableExportPurpose
{
    /// <summary>A participant asked for their own data; the export must then name that participant.</summary>
    ParticipantRequest,
    /// <summary>The ethics approval allows analysis of identifiable transcripts by named staff.</summary>
    ApprovedAnalysis,
    /// <summary>Deposit in an approved secure archive.</summary>
    SecureArchive,
    /// <summary>A court order or other legal duty to disclose.</summary>
    LegalObligation,
}

/// <summary>The purposes as the API spells them ("participant-request"), and back.</summary>
public static class IdentifiableExportPurposes
{
    private static readonly Dictionary<string, IdentifiableExportPurpose> ByName =
        Enum.GetValues<IdentifiableExportPurpose>().ToDictionary(Name, p => p, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every purpose's API name, for error messages and documentation.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string Name(IdentifiableExportPurpose purpose) => purpose switch
    {
        IdentifiableExportPurpose.ParticipantRequest => "participant-request",
        IdentifiableExportPurpose.ApprovedAnalysis => "approved-analysis",
        IdentifiableExportPurpose.SecureArchive => "secure-archive",
        IdentifiableExportPurpose.LegalObligation => "legal-obligation",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    public static bool TryParse(string? name, out IdentifiableExportPurpose purpose) =>
        ByName.TryGetValue(name ?? "", out purpose);
}
