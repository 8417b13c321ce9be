using System.Globalization;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.OpenData.Epub;

/// <summary>One page of the edition as an EPUB chapter: the articles that start on it, in reading order.</summary>
internal static class EpubChapter
{
    public static string Anchor(ArticleOnPage item) => string.Create(CultureInfo.InvariantCulture, $"a{item.N}");

    /// <summary>An article's title in the contents: its headline, or for one without, its first words.</summary>
    public static string Title(Article article) =>
        !string.IsNullOrWhiteSpace(article.Headline) ? article.Headline
        : article.Body.FirstOrDefault()?.Text is { } first ? (first.Length > 20 ? first[..20] + "…" : first)
        : "—";

    public static string Xhtml(EditionView view, PageView page, IReadOnlyList<ArticleOnPage> articles, IReadOnlyDictionary<ArticleImage, string> photos)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<section epub:type=\"chapter\">\n<h1>{E(page.Title)}</h1>\n");
        foreach (var item in articles)
        {
            var article = item.Article;
            body.Append(CultureInfo.InvariantCulture, $"<article id=\"{Anchor(item)}\">\n");
            if (article.Kicker is { Length: > 0 } kicker)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"kicker\">{E(kicker)}</p>\n");
            }

            body.Append(CultureInfo.InvariantCulture, $"<h2>{E(Title(article))}</h2>\n");
            if (article.Subheadline is { Length: > 0 } sub)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"subheadline\">{E(sub)}</p>\n");
            }

            if (article.Byline is { Length: > 0 } byline)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"byline\">{E(byline)}</p>\n");
            }

            foreach (var image in article.Images)
            {
                if (photos.TryGetValue(image, out var name))
                {
                    var caption = string.Join(' ', new[] { image.Caption, image.Credit }.OfType<string>());
                    body.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{name}\" alt=\"{E(image.Caption ?? "")}\"/>");
                    body.Append(caption.Length > 0 ? $"<figcaption>{E(caption)}</figcaption>" : "").Append("</figure>\n");
                }
            }

            foreach (var paragraph in article.Body)
            {
                var element = paragraph.Kind switch
                {
                    ParagraphKind.Subhead => "h3",
                    _ => "p",
                };
                var css = paragraph.Kind is ParagraphKind.Caption or ParagraphKind.Credit ? " class=\"caption\"" : "";
                body.Append(CultureInfo.InvariantCulture, $"<{element}{css}>{E(paragraph.Text)}</{element}>\n");
            }

            body.Append("</article>\n");
        }

        body.Append("</section>\n");
        var language = E(view.Publication.Language);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{language}" lang="{language}">
            <head><meta charset="utf-8"/><title>{E(page.Title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
            <body>
            {body}</body>
            </html>
            """;
    }

    private static string E(string text) => EditionEpub.E(text);
}
