using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Formats;

namespace Workflow.Domain.Exports.Qda;

/// <summary>
/// A codebook as REFI-QDA codes: each theme a non-codable code holding its codes, the definition and
/// criteria in the description (<see cref="CodeDescription"/>), the colour where the schema accepts it.
/// Shared by the project export and the codebook (.qdc) export so both describe a code alike.
/// </summary>
public static class QdaCodeTree
{
    public static IReadOnlyList<QdaCode> From(Codebook codebook, Func<string, Guid> guidOf) =>
        codebook.Codes.Where(c => c.Level == 1).Select(theme => new QdaCode(guidOf(theme.Id), theme.Name, false, Color(theme), CodeDescription.Compose(theme),
                codebook.Codes.Where(c => c.Level == 2 && c.Parent == theme.Id)
                    .Select(code => new QdaCode(guidOf(code.Id), code.Name, true, Color(code), CodeDescription.Compose(code), [])).ToList()))
            .ToList();

    /// <summary>The entry's colour when it is one REFI-QDA accepts (#RRGGBB or #RGB); codebooks written before colours mattered may say "red".</summary>
    public static string? Color(CodebookEntry entry) =>
        entry.Color is { Length: 7 or 4 } c && c[0] == '#' && c.Skip(1).All(char.IsAsciiHexDigit) ? c : null;
}
