using System.Xml;
using System.Xml.Linq;

namespace Workflow.Domain.Exports.Qda;

/// <summary>
/// One REFI-QDA <c>Code</c> element with its children, written and read the same way in a project
/// (<c>urn:QDA-XML:project:1.0</c>) and a codebook (<c>urn:QDA-XML:codebook:1.0</c>): the two schemas
/// define the code identically, each in its own namespace.
/// </summary>
internal static class QdaCodeXml
{
    public static void Write(XmlWriter w, QdaCode code, string ns)
    {
        w.WriteStartElement("Code", ns);
        w.WriteAttributeString("guid", code.Guid.ToString("D"));
        w.WriteAttributeString("name", XmlText.Safe(code.Name));
        w.WriteAttributeString("isCodable", code.IsCodable ? "true" : "false");
        if (code.Color is not null) w.WriteAttributeString("color", code.Color);
        if (code.Description is not null) w.WriteElementString("Description", ns, XmlText.Safe(code.Description));
        foreach (var child in code.Children) Write(w, child, ns);
        w.WriteEndElement();
    }

    /// <summary>Reads <paramref name="code"/> and, in its own namespace, the codes nested in it.</summary>
    public static QdaCode Read(XElement code, Func<XElement, string, Guid> guid)
    {
        var ns = code.Name.Namespace;
        return new(guid(code, "guid"), (string?)code.Attribute("name") ?? "", (bool?)code.Attribute("isCodable") ?? false,
            (string?)code.Attribute("color"), (string?)code.Element(ns + "Description"),
            code.Elements(ns + "Code").Select(c => Read(c, guid)).ToList());
    }
}
