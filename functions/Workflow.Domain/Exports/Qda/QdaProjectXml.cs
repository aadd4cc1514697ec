using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Workflow.Domain.Exports.Qda;

/// <summary>
/// Writes and reads <c>project.qde</c> (QDA-XML 1.0). Elements come in the order the schema's
/// sequences require; empty lists are left out where the schema wants at least one item. Text
/// sources are written with <c>plainTextPath="internal://{guid}.txt"</c>, their text living in the
/// package. Writing what was read gives the same bytes: times are whole seconds in UTC, line ends
/// LF, and characters XML cannot hold are dropped on the way in.
/// </summary>
public static class QdaProjectXml
{
    public const string Namespace = "urn:QDA-XML:project:1.0";
    private static readonly XNamespace Ns = Namespace;

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    /// <summary>The path a source's text has in the package, as the project names it.</summary>
    public static string InternalPath(QdaTextSource source) => "internal://" + source.FileName;

    public static void Write(QdaProject project, Stream output)
    {
        using var w = XmlWriter.Create(output, WriterSettings);
        w.WriteStartDocument();
        w.WriteStartElement("Project", Namespace);
        Attr(w, "name", project.Name);
        Attr(w, "origin", project.Origin);

        if (project.Users.Count > 0)
        {
            w.WriteStartElement("Users", Namespace);
            foreach (var user in project.Users)
            {
                w.WriteStartElement("User", Namespace);
                Attr(w, "guid", user.Guid);
                Attr(w, "name", user.Name);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        if (project.Codes.Count > 0)
        {
            w.WriteStartElement("CodeBook", Namespace);
            w.WriteStartElement("Codes", Namespace);
            foreach (var code in project.Codes) QdaCodeXml.Write(w, code, Namespace);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        if (project.Variables.Count > 0)
        {
            w.WriteStartElement("Variables", Namespace);
            foreach (var variable in project.Variables)
            {
                w.WriteStartElement("Variable", Namespace);
                Attr(w, "guid", variable.Guid);
                Attr(w, "name", variable.Name);
                Attr(w, "typeOfVariable", "Text");
                Element(w, "Description", variable.Description);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        if (project.Cases.Count > 0)
        {
            w.WriteStartElement("Cases", Namespace);
            foreach (var @case in project.Cases)
            {
                w.WriteStartElement("Case", Namespace);
                Attr(w, "guid", @case.Guid);
                Attr(w, "name", @case.Name);
                foreach (var value in @case.Values) WriteValue(w, value);
                foreach (var source in @case.Sources) Ref(w, "SourceRef", source);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        if (project.Sources.Count > 0)
        {
            w.WriteStartElement("Sources", Namespace);
            foreach (var source in project.Sources) WriteSource(w, source);
            w.WriteEndElement();
        }

        if (project.Notes.Count > 0)
        {
            w.WriteStartElement("Notes", Namespace);
            foreach (var note in project.Notes)
            {
                w.WriteStartElement("Note", Namespace);
                Attr(w, "guid", note.Guid);
                Attr(w, "name", note.Name);
                Attr(w, "creatingUser", note.CreatingUser);
                Attr(w, "creationDateTime", note.Created);
                Element(w, "PlainTextContent", note.Text);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteSource(XmlWriter w, QdaTextSource source)
    {
        w.WriteStartElement("TextSource", Namespace);
        Attr(w, "guid", source.Guid);
        Attr(w, "name", source.Name);
        Attr(w, "plainTextPath", InternalPath(source));
        foreach (var selection in source.Selections)
        {
            w.WriteStartElement("PlainTextSelection", Namespace);
            Attr(w, "guid", selection.Guid);
            Attr(w, "name", selection.Name);
            Attr(w, "startPosition", selection.Start.ToString(CultureInfo.InvariantCulture));
            Attr(w, "endPosition", selection.End.ToString(CultureInfo.InvariantCulture));
            Attr(w, "creatingUser", selection.CreatingUser);
            Attr(w, "creationDateTime", selection.Created);
            foreach (var coding in selection.Codings)
            {
                w.WriteStartElement("Coding", Namespace);
                Attr(w, "guid", coding.Guid);
                Attr(w, "creatingUser", coding.CreatingUser);
                Attr(w, "creationDateTime", coding.Created);
                Ref(w, "CodeRef", coding.Code);
                foreach (var note in coding.Notes) Ref(w, "NoteRef", note);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        foreach (var value in source.Values) WriteValue(w, value);
        w.WriteEndElement();
    }

    private static void WriteValue(XmlWriter w, QdaVariableValue value)
    {
        w.WriteStartElement("VariableValue", Namespace);
        Ref(w, "VariableRef", value.Variable);
        Element(w, "TextValue", value.Value);
        w.WriteEndElement();
    }

    private static void Ref(XmlWriter w, string element, Guid target)
    {
        w.WriteStartElement(element, Namespace);
        Attr(w, "targetGUID", target);
        w.WriteEndElement();
    }

    private static void Element(XmlWriter w, string name, string? value)
    {
        if (value is null) return;
        w.WriteElementString(name, Namespace, XmlText.Safe(value));
    }

    private static void Attr(XmlWriter w, string name, string? value)
    {
        if (value is not null) w.WriteAttributeString(name, XmlText.Safe(value));
    }

    private static void Attr(XmlWriter w, string name, Guid? value)
    {
        if (value is { } guid) w.WriteAttributeString(name, guid.ToString("D"));
    }

    private static void Attr(XmlWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } time) w.WriteAttributeString(name, Time(time));
    }

    /// <summary>xsd:dateTime in UTC to the second, the precision the round trip keeps.</summary>
    internal static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a project; the texts of its sources are filled in by <paramref name="readText"/> (given the plainTextPath).</summary>
    public static QdaProject Read(Stream input, Func<string, string> readText)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false };
        using var reader = XmlReader.Create(input, settings);
        var root = XDocument.Load(reader).Root ?? throw new FormatException("project.qde has no root element.");
        if (root.Name != Ns + "Project") throw new FormatException($"project.qde's root is {root.Name}, not a QDA-XML Project.");

        var users = Children(root, "Users", "User").Select(u => new QdaUser(Guid(u, "guid"), (string?)u.Attribute("name") ?? "")).ToList();
        var codes = Children(root, "CodeBook", "Codes").SelectMany(c => c.Elements(Ns + "Code")).Select(c => QdaCodeXml.Read(c, Guid)).ToList();
        var variables = Children(root, "Variables", "Variable")
            .Select(v => new QdaVariable(Guid(v, "guid"), (string?)v.Attribute("name") ?? "", (string?)v.Element(Ns + "Description"))).ToList();
        var cases = Children(root, "Cases", "Case").Select(c => new QdaCase(Guid(c, "guid"), (string?)c.Attribute("name") ?? "",
            c.Elements(Ns + "VariableValue").Select(ReadValue).ToList(),
            c.Elements(Ns + "SourceRef").Select(r => Guid(r, "targetGUID")).ToList())).ToList();
        var sources = Children(root, "Sources", "TextSource").Select(s => ReadSource(s, readText)).ToList();
        var notes = Children(root, "Notes", "Note").Select(n => new QdaNote(Guid(n, "guid"), (string?)n.Attribute("name"),
            (string?)n.Element(Ns + "PlainTextContent") ?? "", OptionalGuid(n, "creatingUser"), OptionalTime(n, "creationDateTime"))).ToList();

        return new QdaProject((string?)root.Attribute("name") ?? "", (string?)root.Attribute("origin") ?? "", users, codes, variables, cases, sources, notes);
    }

    private static IEnumerable<XElement> Children(XElement root, string container, string item) =>
        root.Elements(Ns + container).Elements(Ns + item);

    private static QdaVariableValue ReadValue(XElement value) =>
        new(Guid(value.Element(Ns + "VariableRef") ?? throw new FormatException("A VariableValue has no VariableRef."), "targetGUID"),
            (string?)value.Element(Ns + "TextValue") ?? "");

    private static QdaTextSource ReadSource(XElement source, Func<string, string> readText)
    {
        var guid = Guid(source, "guid");
        var text = (string?)source.Attribute("plainTextPath") is { } path ? readText(path) : (string?)source.Element(Ns + "PlainTextContent") ?? "";
        var selections = source.Elements(Ns + "PlainTextSelection").Select(s => new QdaSelection(Guid(s, "guid"), (string?)s.Attribute("name"),
            Int(s, "startPosition"), Int(s, "endPosition"), OptionalGuid(s, "creatingUser"), OptionalTime(s, "creationDateTime"),
            s.Elements(Ns + "Coding").Select(c => new QdaCoding(Guid(c, "guid"),
                Guid(c.Element(Ns + "CodeRef") ?? throw new FormatException("A Coding has no CodeRef."), "targetGUID"),
                OptionalGuid(c, "creatingUser"), OptionalTime(c, "creationDateTime"),
                c.Elements(Ns + "NoteRef").Select(n => Guid(n, "targetGUID")).ToList())).ToList())).ToList();
        return new QdaTextSource(guid, (string?)source.Attribute("name") ?? "", text, selections,
            source.Elements(Ns + "VariableValue").Select(ReadValue).ToList());
    }

    private static Guid Guid(XElement e, string attribute) =>
        OptionalGuid(e, attribute) ?? throw new FormatException($"{e.Name.LocalName} has no {attribute}.");

    private static Guid? OptionalGuid(XElement e, string attribute) =>
        (string?)e.Attribute(attribute) is { } value
            ? System.Guid.TryParse(value, out var guid) ? guid : throw new FormatException($"{e.Name.LocalName}/@{attribute} is not a GUID.")
            : null;

    private static int Int(XElement e, string attribute) =>
        int.TryParse((string?)e.Attribute(attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value : throw new FormatException($"{e.Name.LocalName}/@{attribute} is not a position.");

    private static DateTimeOffset? OptionalTime(XElement e, string attribute) =>
        (string?)e.Attribute(attribute) is { } value
            ? DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;
}
