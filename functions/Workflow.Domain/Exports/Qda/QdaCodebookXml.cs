using System.Text;
using System.Xml;
using System.Xml.Linq;
using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Formats;

namespace Workflow.Domain.Exports.Qda;

/// <summary>
/// A REFI-QDA codebook (<c>.qdc</c>, <c>urn:QDA-XML:codebook:1.0</c>) written from and read into the
/// two-level model. Written: each theme a non-codable code with its codes nested, GUIDs from
/// <see cref="ExportGuids"/> so a re-export keeps them. Read (ours, NVivo, ATLAS.ti, MAXQDA, or a
/// project's <c>CodeBook</c>): top-level codes are themes, their children codes; deeper nesting, a code
/// without a description, or XML that is malformed, has a DTD or is absurdly deep is a
/// <see cref="CodebookFormatException"/>.
/// </summary>
public static class QdaCodebookXml
{
    public const string Namespace = "urn:QDA-XML:codebook:1.0";

    /// <summary>Deeper element nesting than any codebook needs is refused before the tree is built.</summary>
    public const int MaxDepth = 32;

    private const int MaxCharacters = 8 * 1024 * 1024;
    private const int MaxNamesListed = 10;

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace, CloseOutput = false,
    };

    public static void Write(Codebook codebook, Stream output)
    {
        using var w = XmlWriter.Create(output, WriterSettings);
        w.WriteStartDocument();
        w.WriteStartElement("CodeBook", Namespace);
        w.WriteAttributeString("origin", QdaProjectBuilder.Origin);
        w.WriteStartElement("Codes", Namespace);
        foreach (var code in QdaCodeTree.From(codebook, id => ExportGuids.For(codebook.StudyId, "code", id))) QdaCodeXml.Write(w, code, Namespace);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    /// <summary>Reads a codebook; REFI-QDA has no codebook name, so <paramref name="name"/> supplies it.</summary>
    public static CodebookDraft Read(string xml, string name)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var root = Load(xml.TrimStart('\uFEFF'));
        var ns = root.Name.Namespace;
        var book = root.Name.LocalName switch
        {
            "CodeBook" => root,
            "Project" => root.Element(ns + "CodeBook") ?? throw new CodebookFormatException("The project has no CodeBook.", "/Project"),
            _ => throw new CodebookFormatException($"The root element is <{root.Name.LocalName}>; a REFI-QDA codebook starts with <CodeBook>.", "/"),
        };
        var themes = book.Elements(ns + "Codes").Elements(ns + "Code").Select(c => QdaCodeXml.Read(c, AnyGuid)).ToList();
        if (themes.Count == 0) throw new CodebookFormatException("The codebook has no codes (CodeBook/Codes/Code).", "/CodeBook/Codes");
        return new CodebookDraft(name, Entries(themes));
    }

    private static XElement Load(string xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true, IgnoreProcessingInstructions = true,
        };
        try
        {
            // First pass only measures depth, so a hostile nesting never becomes a tree.
            using (var probe = XmlReader.Create(new StringReader(xml), settings))
                while (probe.Read())
                    if (probe.Depth > MaxDepth) throw new CodebookFormatException($"The XML nests elements more than {MaxDepth} deep; no codebook needs that.", "/");
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader).Root ?? throw new CodebookFormatException("The XML has no root element.", "/");
        }
        catch (XmlException e)
        {
            var where = e.LineNumber > 0 ? $" (line {e.LineNumber}, position {e.LinePosition})" : "";
            throw new CodebookFormatException($"The codebook is not well-formed XML or uses a DTD{where}: {e.Message}", "/", e.LineNumber > 0 ? e.LineNumber : null, e);
        }
    }

    /// <summary>Tools' GUIDs are not kept (ours are derived from code ids), so a missing or odd one is no reason to refuse.</summary>
    private static Guid AnyGuid(XElement e, string attribute) => Guid.TryParse((string?)e.Attribute(attribute), out var g) ? g : Guid.Empty;

    private static List<CodebookEntry> Entries(IReadOnlyList<QdaCode> themes)
    {
        var entries = new List<CodebookEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var undescribed = new List<string>();
        foreach (var theme in themes)
        {
            var themeId = Add(theme, null, 1);
            foreach (var code in theme.Children)
            {
                if (code.Children.Count > 0)
                    throw new CodebookFormatException(
                        $"Code '{code.Children[0].Name}' (in '{theme.Name}' > '{code.Name}') is nested 3 levels deep; a codebook here has two levels, themes and their codes. Move or merge it in the analysis tool, then import again.",
                        $"{theme.Name}/{code.Name}/{code.Children[0].Name}");
                Add(code, themeId, 2);
            }
        }
        if (undescribed.Count > 0)
            throw new CodebookFormatException(
                $"{undescribed.Count} code{(undescribed.Count == 1 ? " has" : "s have")} no description, and every theme and code needs one as its definition: "
                + string.Join(", ", undescribed.Take(MaxNamesListed).Select(n => $"'{n}'")) + (undescribed.Count > MaxNamesListed ? ", …" : "")
                + ". Add descriptions in the analysis tool, or import a CSV with the definition column filled.", "Description");
        return entries;

        string Add(QdaCode code, string? parent, int level)
        {
            var parts = CodeDescription.Parse(code.Description);
            if (parts.Definition.Length == 0) undescribed.Add(code.Name);
            var id = UniqueId(parts.CodeId is { } own && IsId(own) ? own : Slug(code.Name), ids);
            entries.Add(new CodebookEntry(id, parent, level, code.Name.Trim(), parts.Definition, parts.Inclusion, parts.Exclusion,
                parts.Examples, parts.Keywords, code.Color));
            return id;
        }
    }

    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>An id for a tool's code: its name in lower-case ASCII letters and digits joined by '-'.</summary>
    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        var id = slug.ToString().Trim('-');
        return id.Length == 0 ? "code" : id[..Math.Min(id.Length, 56)];
    }

    private static string UniqueId(string id, HashSet<string> taken)
    {
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }
}
