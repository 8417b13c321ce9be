using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Broadsheet.Ingest.Packages;

/// <summary>A PDF page's crop box and rotation, as PdfPig's own page would give them, without its content.</summary>
internal sealed record PageGeometry(PdfRectangle CropBox, int Rotation)
{
    /// <summary>Reads page <paramref name="number"/> of <paramref name="document"/> the cheap way.</summary>
    public static PageGeometry Of(PdfDocument document, int number)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.AddPageFactory<PageGeometry, Factory>();
        return document.GetPage<PageGeometry>(number);
    }

    /// <summary>
    /// PdfPig's page factory without its content: the base class's <c>Create</c> loads the page's fonts and
    /// runs its content stream, which costs far more than the rest of the file (a CID font's glyphs are
    /// all parsed for their boxes). The boxes come from the base class's own rules, so the size is the one
    /// <see cref="Page.CropBox"/> reports. PdfPig builds this class through the constructor it looks for.
    /// </summary>
    internal sealed class Factory(
        IPdfTokenScanner pdfScanner,
        IResourceStore resourceStore,
        ILookupFilterProvider filterProvider,
        IPageContentParser pageContentParser,
        ParsingOptions parsingOptions)
        : BasePageFactory<PageGeometry>(pdfScanner, resourceStore, filterProvider, pageContentParser, parsingOptions), IPageFactory<PageGeometry>
    {
        PageGeometry IPageFactory<PageGeometry>.Create(int number, DictionaryToken dictionary, PageTreeMembers pageTreeMembers, NamedDestinations namedDestinations)
        {
            ArgumentNullException.ThrowIfNull(dictionary);
            ArgumentNullException.ThrowIfNull(pageTreeMembers);
            var rotation = dictionary.TryGet(NameToken.Rotate, PdfScanner, out NumericToken? rotate) ? rotate.Int : pageTreeMembers.Rotation;
            var media = GetMediaBox(number, dictionary, pageTreeMembers);
            var crop = GetCropBox(dictionary, pageTreeMembers, media);
            return new PageGeometry(crop.Bounds, new PageRotationDegrees(rotation).Value);
        }

        protected override PageGeometry ProcessPage(
            int pageNumber,
            DictionaryToken dictionary,
            NamedDestinations namedDestinations,
            MediaBox mediaBox,
            CropBox cropBox,
            UserSpaceUnit userSpaceUnit,
            PageRotationDegrees rotation,
            TransformationMatrix initialMatrix,
            IReadOnlyList<IGraphicsStateOperation> operations) =>
            throw new NotSupportedException("Only the page's geometry is read.");
    }
}
