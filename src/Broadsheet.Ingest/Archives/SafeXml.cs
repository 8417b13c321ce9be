using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Broadsheet.Ingest.Archives;

/// <summary>
/// Reads the XML archives bring (Founder exports, METS, ALTO) without ever resolving an entity or a DTD: a
/// document that declares one is refused, so neither an external entity (XXE) nor an entity expanding to
/// gigabytes (billion laughs) is ever read.
/// </summary>
internal static class SafeXml
{
    /// <summary>The largest XML file read, in characters; ALTO pages of a broadsheet run to a few megabytes.</summary>
    public const long MaxCharacters = 64L * 1024 * 1024;

    public static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Loads <paramref name="path"/>, naming it as <paramref name="name"/> in the one line a bad file gets.</summary>
    /// <exception cref="ImportException">Not XML, or XML that declares a DTD or entities.</exception>
    public static XDocument Load(string path, string name)
    {
        try
        {
            using var reader = XmlReader.Create(File.OpenRead(path), Settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new ImportException($"{name}: declares a DTD or entities, which are refused (external entities are never resolved)", ex);
        }
        catch (XmlException ex)
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture, $"{name}: not well-formed XML (line {ex.LineNumber}: {FirstSentence(ex.Message)})"), ex);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
