using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// What reading a page's text will go through: its content bytes and the bytes of text it shows, each form
/// XObject counted as often as it is drawn (a form that draws another ten times, nine levels down, is a
/// billion drawings in a few kilobytes). A form that draws itself, or forms nested past <see cref="MaxDepth"/>,
/// make <see cref="Cycle"/>. Each form is decoded and skimmed once, so measuring costs what the file holds,
/// never what it would draw.
/// </summary>
internal sealed record PageContent(long ContentBytes, long TextBytes, bool Cycle)
{
    /// <summary>No real page nests forms past a handful; PdfPig follows them by recursion.</summary>
    internal const int MaxDepth = 32;

    public static PageContent Of(PdfDocument document, int number)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.AddPageFactory<PageContent, Factory>();
        return document.GetPage<PageContent>(number);
    }

    /// <summary>PdfPig's page factory, used only for the page dictionary and the object scanner (see <see cref="PageGeometry"/>).</summary>
    internal sealed class Factory(
        IPdfTokenScanner pdfScanner,
        IResourceStore resourceStore,
        ILookupFilterProvider filterProvider,
        IPageContentParser pageContentParser,
        ParsingOptions parsingOptions)
        : BasePageFactory<PageContent>(pdfScanner, resourceStore, filterProvider, pageContentParser, parsingOptions), IPageFactory<PageContent>
    {
        PageContent IPageFactory<PageContent>.Create(int number, DictionaryToken dictionary, PageTreeMembers pageTreeMembers, NamedDestinations namedDestinations)
        {
            ArgumentNullException.ThrowIfNull(dictionary);
            ArgumentNullException.ThrowIfNull(pageTreeMembers);
            var resources = Resolve<DictionaryToken>(dictionary, NameToken.Resources) ?? pageTreeMembers.ParentResources.FirstOrDefault();
            var content = new List<byte>();
            if (dictionary.Data.TryGetValue(NameToken.Contents.Data, out var contents))
            {
                var parts = Resolve<ArrayToken>(contents) is { } array ? array.Data : [contents];
                foreach (var part in parts)
                {
                    if (Resolve<StreamToken>(part) is { } stream && TryDecode(stream) is { } bytes)
                    {
                        content.AddRange(bytes);
                        content.Add((byte)'\n');
                    }
                }
            }

            return new Walk(this).Measure([.. content], resources, 0, []);
        }

        internal T? Resolve<T>(DictionaryToken dictionary, NameToken key)
            where T : class, IToken =>
            dictionary.Data.TryGetValue(key.Data, out var value) && DirectObjectFinder.TryGet(value, PdfScanner, out T? resolved) ? resolved : null;

        internal T? Resolve<T>(IToken token)
            where T : class, IToken =>
            DirectObjectFinder.TryGet(token, PdfScanner, out T? resolved) ? resolved : null;

        internal byte[]? TryDecode(StreamToken stream)
        {
            // A stream that does not decode gives the text reader nothing either; it is not what this guards against.
            try
            {
                Memory<byte> data = stream.Data;
                var filters = FilterProvider.GetFilters(stream.StreamDictionary, PdfScanner);
                for (var i = 0; i < filters.Count; i++)
                {
                    data = filters[i].Decode(data, stream.StreamDictionary, DefaultFilterProvider.Instance, i);
                }

                return data.ToArray();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return null;
            }
        }

        protected override PageContent ProcessPage(
            int pageNumber,
            DictionaryToken dictionary,
            NamedDestinations namedDestinations,
            MediaBox mediaBox,
            CropBox cropBox,
            UserSpaceUnit userSpaceUnit,
            PageRotationDegrees rotation,
            TransformationMatrix initialMatrix,
            IReadOnlyList<IGraphicsStateOperation> operations) =>
            throw new NotSupportedException("Only the page's content is measured.");
    }

    /// <summary>One page's forms, each measured once and remembered, so the walk costs what the file holds, not what it draws.</summary>
    private sealed class Walk(Factory factory)
    {
        private readonly Dictionary<IndirectReference, PageContent> _forms = [];

        public PageContent Measure(byte[] content, DictionaryToken? resources, int depth, HashSet<IndirectReference> path)
        {
            var scan = ContentScan.Of(content);
            var total = new PageContent(content.Length, scan.TextBytes, false);
            if (scan.Drawn.Count == 0 || resources is null || factory.Resolve<DictionaryToken>(resources, NameToken.Xobject) is not { } xobjects)
            {
                return total;
            }

            foreach (var name in scan.Drawn)
            {
                if (xobjects.Data.GetValueOrDefault(name) is not IndirectReferenceToken reference)
                {
                    continue;
                }

                var form = Form(reference.Data, resources, depth, path);
                total = new PageContent(Add(total.ContentBytes, form.ContentBytes), Add(total.TextBytes, form.TextBytes), total.Cycle || form.Cycle);
            }

            return total;
        }

        private PageContent Form(IndirectReference reference, DictionaryToken inherited, int depth, HashSet<IndirectReference> path)
        {
            if (_forms.TryGetValue(reference, out var known))
            {
                return known;
            }

            if (path.Contains(reference) || depth >= MaxDepth)
            {
                return new PageContent(0, 0, true);
            }

            var measured = new PageContent(0, 0, false);
            if (factory.Resolve<StreamToken>(new IndirectReferenceToken(reference)) is { } stream
                && factory.Resolve<NameToken>(stream.StreamDictionary, NameToken.Subtype) is { } subtype && subtype.Equals(NameToken.Form)
                && factory.TryDecode(stream) is { } content)
            {
                // A form without resources of its own uses those of what draws it (PDF 1.1 files do this).
                var resources = factory.Resolve<DictionaryToken>(stream.StreamDictionary, NameToken.Resources) ?? inherited;
                path.Add(reference);
                measured = Measure(content, resources, depth + 1, path);
                path.Remove(reference);
            }

            _forms[reference] = measured;
            return measured;
        }

        private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }
}
