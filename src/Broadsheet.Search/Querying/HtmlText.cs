using System.Text;

namespace Broadsheet.Search.Querying;

/// <summary>Minimal HTML escaping for snippets: the five characters that matter, everything else as is (CJK stays readable).</summary>
internal static class HtmlText
{
    public static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\n' or '\r' or '\t': html.Append(' '); break;
                default: html.Append(c); break;
            }
        }
    }
}
