namespace Workflow.Domain.Coding;

/// <summary>
/// A codebook upload could not be read: the JSON, CSV or REFI-QDA XML is malformed or a field has the wrong shape.
/// The message is shown to the lead, so it names the place (<see cref="Path"/>, and the line when
/// the parser knows it) rather than echoing the content. Problems with the content of well-formed
/// entries (missing names, unknown parents) are reported by <see cref="CodebookValidator"/> instead.
/// </summary>
public sealed class CodebookFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="lineNumber"/> is 1-based.</summary>
    public CodebookFormatException(string message, string? path = null, long? lineNumber = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        LineNumber = lineNumber;
    }

    /// <summary>Where the offending value is, when known: a JSON path such as <c>$.codes[3].keywords</c>, a CSV row, or an XML place.</summary>
    public string? Path { get; }

    /// <summary>1-based line of the syntax error, when the parser reported one.</summary>
    public long? LineNumber { get; }
}
