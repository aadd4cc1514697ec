using System.Text;
using System.Xml;

namespace Workflow.Domain.Exports;

/// <summary>Text made safe for XML 1.0: characters it cannot carry (control characters, lone surrogates) are dropped instead of failing an export, line ends become LF.</summary>
public static class XmlText
{
    public static string Safe(string value)
    {
        var safe = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { safe.Append(value, i++, 2); continue; }
            if (XmlConvert.IsXmlChar(value[i])) safe.Append(value[i]);
        }
        return safe.ToString().ReplaceLineEndings("\n");
    }
}
