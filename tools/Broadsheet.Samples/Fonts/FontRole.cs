namespace Broadsheet.Samples.Fonts;

// What a piece of text is set in; each SampleFontSet maps the roles to faces.
internal enum FontRole
{
    // Ming (宋体) body text, kickers and subheadlines.
    Serif,

    // Sans (黑体) sub-heads, bylines, captions, brief leads.
    Sans,

    // Headlines.
    Heavy,

    // Body text of the English page.
    Latin,
}
