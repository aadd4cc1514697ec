using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>One identifier found where it must not be: which one, in which form, where, and the text around it.</summary>
public sealed record IdentifierHit(string Identifier, string Form, string Location, string Excerpt)
{
    public override string ToString() => $"'{Identifier}' ({Form}) in {Location}: …{Excerpt}…";
}

/// <summary>
/// Finds known identifiers in any text a system stores or prints: case-insensitively, as whole words,
/// and also when the text is JSON (escaped once or twice, e.g. a serialized input inside a queue
/// message: <c>O\u0027Rourke</c>, <c>Zo\\u00EB</c>) or URI-escaped (blob metadata).
/// </summary>
public sealed class IdentifierScanner
{
    private readonly List<(string Identifier, string Form, Regex Pattern)> _patterns = [];

    /// <param name="identifiers">Each identifier with the other forms it may be stored in (digits only, normalised keys).</param>
    public IdentifierScanner(IEnumerable<(string Identifier, IEnumerable<string> Forms)> identifiers)
    {
        foreach (var (identifier, forms) in identifiers)
            foreach (var form in forms.Prepend(identifier).Select(f => f.Normalize(NormalizationForm.FormC)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                _patterns.Add((identifier, form, WholeWord(form)));
                // The escaped spelling searched in the raw text too, so an escape the decoder below does not undo is still caught.
                var escaped = JavaScriptEncoder.Default.Encode(form);
                if (escaped != form) _patterns.Add((identifier, "JSON-escaped " + form, WholeWord(escaped)));
            }
    }

    public int IdentifierCount => _patterns.Select(p => p.Identifier).Distinct().Count();

    /// <summary>Every identifier in <paramref name="text"/>, once per identifier and form.</summary>
    public IEnumerable<IdentifierHit> Scan(string location, string text)
    {
        var views = Views(text).ToList();
        foreach (var (identifier, form, pattern) in _patterns)
            foreach (var view in views)
            {
                var match = pattern.Match(view);
                if (!match.Success) continue;
                yield return new IdentifierHit(identifier, form, location, Excerpt(view, match));
                break;
            }
    }

    /// <summary>The text as stored, then with JSON escapes undone (twice, for JSON inside JSON) and URI escapes undone.</summary>
    private static IEnumerable<string> Views(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = text.Normalize(NormalizationForm.FormC);
        for (var i = 0; i < 3 && seen.Add(current); i++)
        {
            yield return current;
            current = JsonUnescape(current).Normalize(NormalizationForm.FormC);
        }
        var unescaped = TryUriUnescape(text);
        if (unescaped is not null && seen.Add(unescaped)) yield return unescaped;
    }

    private static readonly Regex JsonEscape = new(@"\\(?:u([0-9a-fA-F]{4})|([""\\/bfnrt]))", RegexOptions.CultureInvariant);

    private static string JsonUnescape(string text) => JsonEscape.Replace(text, m => m.Groups[1].Success
        ? ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()
        : m.Groups[2].Value switch { "b" => "\b", "f" => "\f", "n" => "\n", "r" => "\r", "t" => "\t", var c => c });

    private static string? TryUriUnescape(string text)
    {
        if (!text.Contains('%')) return null;
        try { return Uri.UnescapeDataString(text).Normalize(NormalizationForm.FormC); }
        catch (UriFormatException) { return null; }
    }

    /// <summary>
    /// The form as a whole word: no letter (or, for a number, no digit) right before or after it, so
    /// "Callum" does not match inside a longer name but still matches after a JSON quote or escape.
    /// </summary>
    private static Regex WholeWord(string form)
    {
        var boundary = form.All(c => char.IsDigit(c) || c == ' ') ? @"\d" : @"\p{L}";
        return new Regex($@"(?<!{boundary}){Regex.Escape(form)}(?!{boundary})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string Excerpt(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 40);
        var end = Math.Min(text.Length, match.Index + match.Length + 40);
        return text[start..end].ReplaceLineEndings(" ");
    }
}
