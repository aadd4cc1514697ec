using System.Text.Json;

namespace Workflow.Domain.Coding;

/// <summary>
/// Reads a codebook from JSON into a <see cref="CodebookDraft"/>. Accepts the study's own format
/// (<c>{name, codes:[{id, parent, level, name, definition, inclusion_criteria, ...}]}</c>, with extra
/// top-level fields such as <c>version</c> or <c>application_rules</c> ignored) and the API's camelCase
/// form (<c>inclusionCriteria</c>). Property names are matched ignoring case and underscores so both
/// spellings of the same field land in the same place.
/// </summary>
/// <remarks>
/// Only the shape is checked here; whether the entries make a valid two-level framework is the
/// job of <see cref="CodebookValidator"/>, so a missing name or level becomes an empty value that
/// the validator reports with the entry's index rather than an exception.
/// </remarks>
public static class CodebookJsonReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    /// <summary>Parses <paramref name="json"/>; throws <see cref="CodebookFormatException"/> when it cannot.</summary>
    public static CodebookDraft Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json = json.TrimStart('\uFEFF'); // a byte-order mark left by an editor is not a syntax error
        if (string.IsNullOrWhiteSpace(json)) throw new CodebookFormatException("The codebook is empty.", "$");

        using var document = ParseDocument(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw WrongShape("$", "an object with 'name' and 'codes'", root);

        string? name = null;
        List<CodebookEntry>? codes = null;
        foreach (var property in root.EnumerateObject())
        {
            var path = "$." + property.Name;
            switch (Normalize(property.Name))
            {
                case "name": name = OptionalString(property.Value, path); break;
                case "codes": codes = ReadCodes(property.Value, path); break;
            }
        }

        return new CodebookDraft(name, codes);
    }

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            // The parser's line number is 0-based; people count from 1.
            long? line = e.LineNumber is { } l ? l + 1 : null;
            var where = line is null ? "" : $" (line {line}, byte {e.BytePositionInLine + 1})";
            throw new CodebookFormatException($"The codebook is not valid JSON{where}: {FirstSentence(e.Message)}", e.Path, line, e);
        }
    }

    private static List<CodebookEntry>? ReadCodes(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array) throw WrongShape(path, "an array of code objects", value);

        var codes = new List<CodebookEntry>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
            codes.Add(ReadEntry(item, $"{path}[{index++}]"));
        return codes;
    }

    private static CodebookEntry ReadEntry(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) throw WrongShape(path, "a code object", value);

        string? id = null, parent = null, name = null, definition = null, inclusion = null, exclusion = null, color = null;
        int level = 0;
        IReadOnlyList<string>? examples = null, keywords = null;
        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            var v = property.Value;
            switch (Normalize(property.Name))
            {
                case "id": id = OptionalString(v, at); break;
                case "parent": parent = OptionalString(v, at); break;
                case "level": level = OptionalLevel(v, at); break;
                case "name": name = OptionalString(v, at); break;
                case "definition": definition = OptionalString(v, at); break;
                case "inclusioncriteria": inclusion = OptionalString(v, at); break;
                case "exclusioncriteria": exclusion = OptionalString(v, at); break;
                case "examples": examples = OptionalStrings(v, at); break;
                case "keywords": keywords = OptionalStrings(v, at); break;
                case "color" or "colour": color = OptionalString(v, at); break;
            }
        }

        // Empty strings rather than nulls for required fields: the validator reports them by index.
        return new CodebookEntry(id ?? "", parent, level, name ?? "", definition ?? "", inclusion, exclusion, examples, keywords, color);
    }

    private static string? OptionalString(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw WrongShape(path, "a string", value),
    };

    private static int OptionalLevel(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null) return 0;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var level)) return level;
        throw WrongShape(path, "a whole number (1 for a theme, 2 for a code)", value);
    }

    private static string[]? OptionalStrings(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array) throw WrongShape(path, "an array of strings", value);

        var items = new string[value.GetArrayLength()];
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw WrongShape($"{path}[{index}]", "a string", item);
            items[index++] = item.GetString()!;
        }
        return items;
    }

    private static CodebookFormatException WrongShape(string path, string expected, JsonElement found) =>
        new($"{path} must be {expected}, but is {Describe(found.ValueKind)}.", path);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    /// <summary>"inclusion_criteria", "inclusionCriteria" and "InclusionCriteria" all become "inclusioncriteria".</summary>
    private static string Normalize(string propertyName) =>
        string.Concat(propertyName.Where(c => c is not ('_' or '-'))).ToLowerInvariant();

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " Path: $ | LineNumber: ..." which we already report in our own words.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }
}
