using System.Text.RegularExpressions;
using Broadsheet.Search.Querying;

namespace Broadsheet.Search.Tests;

public sealed class SnippetBuilderTests
{
    [Fact]
    public void Any_text_and_marks_give_well_formed_escaped_html()
    {
        var random = new Random(7);
        const string alphabet = "民警调解 abc<>&\"'。，\nxyz";
        for (var round = 0; round < 2000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var spans = new List<MarkSpan>();
            var at = 0;
            while (text.Length > 0 && at < text.Length && random.Next(4) > 0)
            {
                var start = random.Next(at, text.Length);
                var end = Math.Min(text.Length, start + 1 + random.Next(60));
                spans.Add(new MarkSpan(start, end, random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                at = end + random.Next(0, 3);
            }

            var html = SnippetBuilder.Build(text, spans);

            var withoutMarks = html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
            Assert.DoesNotContain('<', withoutMarks);
            Assert.DoesNotContain('>', withoutMarks);
            Assert.DoesNotMatch(new Regex("&(?!amp;|lt;|gt;|quot;|#39;)"), withoutMarks);
            Assert.Equal(Regex.Count(html, "<mark>"), Regex.Count(html, "</mark>"));
            Assert.InRange(withoutMarks.Length, 0, SnippetBuilder.Length * 7);
        }
    }
}
