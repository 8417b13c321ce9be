namespace Broadsheet.Web.Resources;

/// <summary>
/// The reader's interface text: <c>ReaderText.resx</c> holds the Chinese default, <c>ReaderText.en.resx</c> the
/// English. Views take it as <c>IStringLocalizer&lt;ReaderText&gt;</c>; the culture is the publication's language.
/// </summary>
internal sealed class ReaderText;
