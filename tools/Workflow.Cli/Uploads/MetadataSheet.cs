using System.Globalization;

namespace Workflow.Cli.Uploads;

/// <summary>One file to upload and the form fields the upload route takes for it.</summary>
internal sealed record UploadRow(int Line, string FileName, string FilePath, IReadOnlyDictionary<string, string> Fields);

/// <summary>What a metadata sheet holds: the rows to upload, or every problem found (then nothing is uploaded).</summary>
internal sealed record MetadataSheetResult(IReadOnlyList<UploadRow> Rows, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads and checks <c>metadata.csv</c> against the folder before anything is uploaded, reporting
/// every bad row at once. It checks what it can without the study (columns, files, formats, dates,
/// consent); the API still checks sites and participant codes. Errors name the row, the column and
/// the file, never the values of free-text columns (interviewer, notes), which can name people.
/// </summary>
internal static class MetadataSheet
{
    public static readonly string[] RequiredColumns = ["file", "siteId", "format", "participants", "consentRecording", "consentTranscription"];
    public static readonly string[] OptionalColumns = ["recordedOn", "consentQuotation", "consentArchiving", "language", "interviewer", "notes"];

    /// <summary>Extensions the upload route accepts (audio, then transcripts).</summary>
    public static readonly string[] AcceptedExtensions =
        [".wav", ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".webm", ".flac", ".wma", ".txt", ".vtt", ".textgrid", ".docx"];

    public static bool IsUploadable(string fileName) => AcceptedExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <param name="csv">The sheet's text.</param>
    /// <param name="folder">The folder the files are in.</param>
    /// <param name="filesInFolder">The names of the folder's files (so the check is testable without a disk).</param>
    /// <param name="defaultInterviewer">Used for rows without an interviewer (the API requires one).</param>
    public static MetadataSheetResult Check(string csv, string folder, IReadOnlyCollection<string> filesInFolder, string? defaultInterviewer = null)
    {
        var errors = new List<string>();
        IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> records;
        try
        {
            records = CsvReader.Read(csv);
        }
        catch (FormatException e)
        {
            return new([], [e.Message]);
        }
        if (records.Count == 0) return new([], ["the metadata sheet is empty: it needs a header row and one row per file."]);

        var columns = ReadHeader(records[0].Fields, errors);
        if (errors.Count > 0) return new([], errors);

        var present = new HashSet<string>(filesInFolder, StringComparer.Ordinal);
        var rows = new List<UploadRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in records.Skip(1))
        {
            var rowErrors = new List<string>();
            if (fields.Count != columns.Count)
            {
                errors.Add($"line {line}: {fields.Count} values for {columns.Count} columns.");
                continue;
            }
            var values = columns.Select((c, i) => (c, v: fields[i].Trim())).Where(p => p.v.Length > 0).ToDictionary(p => p.c, p => p.v, StringComparer.Ordinal);
            var file = values.GetValueOrDefault("file");
            var label = file is null ? $"line {line}" : $"line {line} ({file})";
            CheckFile(file, present, seen, line, rowErrors);
            CheckRow(values, defaultInterviewer, rowErrors);
            if (rowErrors.Count > 0)
            {
                errors.Add($"{label}: {string.Join(" ", rowErrors)}");
                continue;
            }
            var form = values.Where(p => p.Key != "file").ToDictionary(p => p.Key, p => p.Value);
            if (!form.ContainsKey("interviewer")) form["interviewer"] = defaultInterviewer!;
            rows.Add(new UploadRow(line, file!, Path.Combine(folder, file!), form));
        }

        foreach (var name in filesInFolder.Where(IsUploadable).Order(StringComparer.Ordinal))
            if (!seen.ContainsKey(name)) errors.Add($"{name}: no row in the metadata sheet (every recording or transcript in the folder needs one).");
        if (errors.Count == 0 && rows.Count == 0) errors.Add("the metadata sheet has no rows: nothing to upload.");
        return errors.Count > 0 ? new([], errors) : new(rows, errors);
    }

    private static List<string> ReadHeader(IReadOnlyList<string> header, List<string> errors)
    {
        var known = RequiredColumns.Concat(OptionalColumns).ToArray();
        var columns = new List<string>();
        foreach (var raw in header)
        {
            var name = raw.Trim();
            var canonical = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null) errors.Add($"unknown column '{name}'; columns are {string.Join(", ", known)}.");
            else if (columns.Contains(canonical)) errors.Add($"column '{canonical}' appears twice.");
            columns.Add(canonical ?? name);
        }
        foreach (var missing in RequiredColumns.Where(r => !columns.Contains(r)))
            errors.Add($"column '{missing}' is missing.");
        return columns;
    }

    private static void CheckFile(string? file, HashSet<string> present, Dictionary<string, int> seen, int line, List<string> errors)
    {
        if (file is null)
        {
            errors.Add("file is empty.");
            return;
        }
        // Names only: a path could reach outside the folder being uploaded.
        if (file != Path.GetFileName(file) || file is "." or "..")
        {
            errors.Add("file must be a file name in the folder, not a path.");
            return;
        }
        if (seen.TryGetValue(file, out var earlier)) errors.Add($"the file is listed already on line {earlier}.");
        else seen[file] = line;
        if (!present.Contains(file)) errors.Add("the file is not in the folder.");
        else if (!IsUploadable(file)) errors.Add($"'{Path.GetExtension(file)}' files are not accepted; use audio or a transcript ({string.Join(" ", AcceptedExtensions)}).");
    }

    private static void CheckRow(Dictionary<string, string> values, string? defaultInterviewer, List<string> errors)
    {
        if (!values.ContainsKey("siteId")) errors.Add("siteId is empty.");
        switch (values.GetValueOrDefault("format")?.ToLowerInvariant())
        {
            case "interview" or "focus-group": break;
            case null: errors.Add("format is empty (interview or focus-group)."); break;
            default: errors.Add("format must be interview or focus-group."); break;
        }
        if (!values.ContainsKey("participants")) errors.Add("participants is empty (e.g. P017:ServiceUser).");
        if (values.GetValueOrDefault("recordedOn") is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add("recordedOn must be a date in the form yyyy-MM-dd.");
        foreach (var flag in new[] { "consentRecording", "consentTranscription", "consentQuotation", "consentArchiving" })
        {
            var value = values.GetValueOrDefault(flag);
            var parsed = value is null ? (bool?)false : ParseFlag(value);
            if (parsed is null) errors.Add($"{flag} must be true or false (or yes/no, 1/0).");
            else if (!parsed.Value && flag is "consentRecording" or "consentTranscription")
                errors.Add($"{flag} must be true: without it the recording cannot be processed.");
        }
        if (!values.ContainsKey("interviewer") && string.IsNullOrWhiteSpace(defaultInterviewer))
            errors.Add("interviewer is empty: fill the column or pass --interviewer.");
    }

    /// <summary>The consent values the upload route accepts.</summary>
    public static bool? ParseFlag(string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" or "on" => true,
        "false" or "no" or "0" or "off" => false,
        _ => null,
    };
}
