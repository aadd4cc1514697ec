using System.Globalization;
using System.Net;
using System.Text;

namespace Workflow.Domain.Exports.Reports;

/// <summary>A horizontal bar chart as inline SVG: no scripts, fonts or files from anywhere else.</summary>
public static class SvgBarChart
{
    private const int RowHeight = 22, LabelWidth = 260, BarWidth = 360, ValueWidth = 50;

    public static string Render(string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = 30 + RowHeight * bars.Count;
        var width = LabelWidth + BarWidth + ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">{Encode(title)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = 26 + i * RowHeight;
            var length = (int)Math.Round(BarWidth * (double)bars[i].Value / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 14}\" font-size=\"12\" text-anchor=\"end\">{Encode(Shorten(bars[i].Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length}\" height=\"{RowHeight - 6}\" fill=\"#4e79a7\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 4}\" y=\"{y + 14}\" font-size=\"12\">{bars[i].Value}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string label) => label.Length <= 40 ? label : label[..39] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
