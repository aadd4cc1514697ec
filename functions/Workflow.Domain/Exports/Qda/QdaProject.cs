namespace Workflow.Domain.Exports.Qda;

/// <summary>
/// A REFI-QDA project (QDA-XML 1.0, <c>urn:QDA-XML:project:1.0</c>) as far as this workflow writes
/// one: users, a code tree, text variables, cases, text sources with coded selections, and notes.
/// <see cref="QdaProjectXml"/> writes and reads it; <see cref="QdpxPackage"/> zips it with the texts.
/// </summary>
public sealed record QdaProject(
    string Name,
    string Origin,
    IReadOnlyList<QdaUser> Users,
    IReadOnlyList<QdaCode> Codes,
    IReadOnlyList<QdaVariable> Variables,
    IReadOnlyList<QdaCase> Cases,
    IReadOnlyList<QdaTextSource> Sources,
    IReadOnlyList<QdaNote> Notes);

/// <summary>Someone who made codings (a coder or lead, by their sign-in id).</summary>
public sealed record QdaUser(Guid Guid, string Name);

/// <summary>A code; themes are codes with children that are not applied to text themselves.</summary>
public sealed record QdaCode(Guid Guid, string Name, bool IsCodable, string? Color, string? Description, IReadOnlyList<QdaCode> Children);

/// <summary>A text variable (case or source attribute), e.g. site or respondent role.</summary>
public sealed record QdaVariable(Guid Guid, string Name, string? Description);

/// <summary>The value of a variable on a case or source.</summary>
public sealed record QdaVariableValue(Guid Variable, string Value);

/// <summary>A case: one participant, with attributes and the sources they speak in.</summary>
public sealed record QdaCase(Guid Guid, string Name, IReadOnlyList<QdaVariableValue> Values, IReadOnlyList<Guid> Sources);

/// <summary>A text source whose plain text is stored in the package at <c>sources/{guid}.txt</c>.</summary>
public sealed record QdaTextSource(Guid Guid, string Name, string PlainText, IReadOnlyList<QdaSelection> Selections, IReadOnlyList<QdaVariableValue> Values)
{
    /// <summary>File name inside the package's <c>sources</c> folder.</summary>
    public string FileName => $"{Guid:D}.txt";
}

/// <summary>A coded span of a source's plain text, positions in Unicode code points (start inclusive, end exclusive).</summary>
public sealed record QdaSelection(Guid Guid, string? Name, int Start, int End, Guid? CreatingUser, DateTimeOffset? Created, IReadOnlyList<QdaCoding> Codings);

/// <summary>One code on a selection, with the notes attached to it.</summary>
public sealed record QdaCoding(Guid Guid, Guid Code, Guid? CreatingUser, DateTimeOffset? Created, IReadOnlyList<Guid> Notes);

/// <summary>A note (memo) with its text held inline.</summary>
public sealed record QdaNote(Guid Guid, string? Name, string Text, Guid? CreatingUser, DateTimeOffset? Created);
