namespace Workflow.Engines.Local.Import;

/// <summary>Reads lines while counting them, so format errors can name the line without quoting it.</summary>
internal sealed class LineReader(TextReader reader)
{
    /// <summary>1-based number of the line last returned.</summary>
    public int Number { get; private set; }

    /// <summary>The next line, or null at the end of the input.</summary>
    public string? Next()
    {
        var line = reader.ReadLine();
        if (line is not null) Number++;
        return line;
    }

    /// <summary>The next line that is not blank, or null at the end of the input.</summary>
    public string? NextNonBlank()
    {
        while (Next() is { } line)
            if (!string.IsNullOrWhiteSpace(line)) return line;
        return null;
    }
}
