using System.Globalization;
using System.Text;
using static Broadsheet.BadInputs.Packages;

namespace Broadsheet.BadInputs;

/// <summary>Hostile and careless PDFs: bombs, loops, tricks, active content, damage.</summary>
internal static class PdfInputs
{
    private const string Page3 = "03-Life.pdf";

    public static IEnumerable<BadInput> All()
    {
        yield return Refused("flate-bomb-200mb", "a 0.3 MB page whose content stream inflates to 200 MB",
            "03-Life.pdf: a stream on the page is a compression bomb", () => Content(RawPdf.Deflate("0 0 m\n"u8.ToArray(), (200L << 20) / 6)));
        yield return Refused("stream-decodes-to-48mb", "a content stream of 48 MB of spaces (under MuPDF's bomb ratio, over the stream budget)",
            "03-Life.pdf: a stream on the page decodes to 48 MB, more than the 32 MB allowed (Broadsheet:Ingest:MaxStreamBytes)", () => Content(RawPdf.Deflate(" "u8.ToArray(), 48L << 20)));
        yield return Refused("double-deflate-bomb", "a content stream deflated twice, 100 MB inside",
            "03-Life.pdf: a stream on the page", () => Content(RawPdf.Deflate("q Q\n"u8.ToArray(), 25L << 20, layers: 2), layers: 2));
        yield return Refused("font-program-bomb", "an embedded TrueType program that inflates to 300 MB",
            "03-Life.pdf: a stream on the page", () =>
            {
                var pdf = RawPdf.Page(extraResources: "");
                var file = pdf.AddDeflated("/Length1 1000", new byte[4096], (300L << 20) / 4096);
                var descriptor = pdf.Add($"<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 {file} 0 R >>");
                pdf.Set(5, $"<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths [{string.Join(' ', Enumerable.Repeat(500, 95))}] /FontDescriptor {descriptor} 0 R >>");
                return pdf.Build();
            });
        yield return Refused("tounicode-cmap-48mb", "a ToUnicode CMap that decodes to 48 MB",
            "03-Life.pdf: a stream on the page decodes to 48 MB", () =>
            {
                var pdf = RawPdf.Page();
                var cmap = pdf.AddDeflated("", "%%%%%%%%%%%%%%%%\n"u8.ToArray(), (48L << 20) / 17);
                pdf.Set(5, $"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode {cmap} 0 R >>");
                return pdf.Build();
            });
        yield return Refused("page-streams-total-90mb", "three content streams of 30 MB each: each under the stream budget, together over the page's",
            "03-Life.pdf: the page's streams decode to more than the 64 MB a page may (Broadsheet:Ingest:MaxPageBytes)", () =>
            {
                var pdf = RawPdf.Page();
                var parts = Enumerable.Range(0, 3).Select(_ => pdf.AddDeflated("", " "u8.ToArray(), 30L << 20)).ToList();
                pdf.Set(3, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] /Contents [4 0 R {string.Join(' ', parts.Select(p => $"{p} 0 R"))}] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>");
                return pdf.Build();
            });
        yield return Refused("text-one-million-letters", "one line of a million letters",
            "03-Life.pdf: the page shows", () => Content(RawPdf.Deflate(Encoding.ASCII.GetBytes("BT /F1 1 Tf 10 10 Td (" + new string('x', 1000) + ") Tj ET\n"), 1000)));
        yield return Refused("text-runs-2mb", "48,000 short runs of text, 2 MB",
            "03-Life.pdf: the page shows", () => Content(RawPdf.Deflate("BT /F1 9 Tf 72 720 Td (Hello world) Tj ET\n"u8.ToArray(), 48_000)));
        yield return Refused("paths-10mb", "10 MB of tiny paths",
            "03-Life.pdf: the page draws 10 MB of content (forms counted each time drawn), more than the 6 MB allowed (Broadsheet:Ingest:MaxPageContentBytes)", () => Content(RawPdf.Deflate("0 0 m 1 1 l S\n"u8.ToArray(), (10L << 20) / 14)));
        yield return Refused("forms-billion-laughs", "nine levels of forms, each drawing the next ten times: a billion drawings in a few kilobytes",
            "03-Life.pdf: the page draws ", () => Forms(levels: 9, fanOut: 10));
        yield return Refused("form-draws-itself", "a form XObject whose content draws itself",
            "03-Life.pdf: a form on the page draws itself", () =>
            {
                var pdf = RawPdf.Page(extraContent: "/Fx Do\n", extraResources: "/XObject << /Fx 7 0 R >>");
                pdf.SetStream(7, "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /Fx 7 0 R >> >>", "/Fx Do\n"u8.ToArray());
                return pdf.Build();
            });
        yield return Refused("forms-draw-each-other", "form A draws form B, which draws form A",
            "03-Life.pdf: a form on the page draws itself", () =>
            {
                var pdf = RawPdf.Page(extraContent: "/Fa Do\n", extraResources: "/XObject << /Fa 7 0 R >>");
                pdf.SetStream(7, "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /Fb 8 0 R >> >>", "/Fb Do\n"u8.ToArray());
                pdf.SetStream(8, "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /Fa 7 0 R >> >>", "/Fa Do\n"u8.ToArray());
                return pdf.Build();
            });
        yield return Refused("forms-nest-40-deep", "a chain of 40 forms, each drawing the next once",
            "03-Life.pdf: a form on the page draws itself, or forms nest deeper than 32", () => Forms(levels: 40, fanOut: 1));
        yield return Refused("image-declares-100000x100000", "an image XObject that declares ten gigapixels",
            "03-Life.pdf: an image on the page has 10000 megapixels, more than the 250 allowed (Broadsheet:Ingest:MaxImagePixels)", () =>
            {
                var pdf = RawPdf.Page(extraContent: "q 100 0 0 100 0 0 cm /Im Do Q\n", extraResources: "/XObject << /Im 7 0 R >>");
                pdf.SetStream(7, "/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode", RawPdf.Deflate(new byte[3000], 10));
                return pdf.Build();
            });
        yield return Accepted("image-flate-bomb-within-its-size", "a 4000 x 4000 image whose data inflates to 1 GB, 20 times what its size needs",
            () =>
            {
                var pdf = RawPdf.Page(extraContent: "q 400 0 0 400 100 100 cm /Im Do Q\n", extraResources: "/XObject << /Im 7 0 R >>");
                pdf.SetStream(7, "/Type /XObject /Subtype /Image /Width 4000 /Height 4000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode", RawPdf.Deflate(new byte[65536], (1L << 30) / 65536));
                return pdf.Build();
            });
        yield return Refused("pdf-of-5000-pages", "one PDF of 5,000 pages as the whole edition",
            "2026-11-03.pdf: 5000 pages, more than the 500 an edition may have (Broadsheet:Ingest:MaxPages)", root => Folder(root, ("2026-11-03.pdf", ManyPages(5000))), InputKind.Pdf);
        yield return new BadInput("page-file-of-5000-pages", InputKind.Pdf, "a page file that holds 5,000 pages: its first is the page",
            null, root => WithGoodPages(root, Page3, ManyPages(5000))) { Accepted = BadInputs.Accepted.WithNote };
        yield return new BadInput("page-count-lies", InputKind.Pdf, "a page tree that says it has two billion pages and holds one", null, root =>
        {
            var pdf = RawPdf.Page();
            pdf.Set(2, "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>");
            return WithGoodPages(root, Page3, pdf.Build());
        }) { Accepted = BadInputs.Accepted.WithNote };
        yield return Refused("page-tree-loop", "a page tree whose node lists itself as its child",
            "03-Life.pdf: ", () =>
            {
                var pdf = RawPdf.Page();
                pdf.Set(2, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
                return pdf.Build();
            });
        yield return Sanitised("javascript-actions-attachment", "JavaScript on open, a page open action, a Launch link, a URI link, an embedded .exe and a file-attachment annotation",
            () => ActivePage().Build());
        yield return Sanitised("owner-password-rc4", "RC4-encrypted with an owner password only (opens without one), with JavaScript",
            () => ActivePage(passwords: ("", "owner")).Build());
        yield return Refused("user-password-rc4", "RC4-encrypted with a password needed to open it",
            "03-Life.pdf: the PDF is encrypted; export it again without a password", () => new RawPdf { Passwords = ("secret", "owner") }.WithPageOf(RawPdf.Page()).Build());
        yield return Sanitised("html-pdf-polyglot", "an HTML page with a script, then a PDF: a browser sniffing it sees HTML",
            () => new RawPdf { Prefix = "<html><body><script>alert(document.cookie)</script>\n"u8.ToArray() }.WithPageOf(RawPdf.Page()).Build());
        yield return Sanitised("pdf-zip-polyglot", "a PDF with a zip archive appended after %%EOF",
            () => [.. RawPdf.Page().Build(), .. ZipBytes(("payload.exe", "MZ"u8.ToArray()))]);
        yield return Refused("truncated-pdf", "a page PDF cut in half",
            "03-Life.pdf: the PDF is truncated or corrupt (it does not end with %%EOF)", () => RawPdf.Page().Build()[..700]);
        yield return Refused("empty-pdf", "an empty file named .pdf", "03-Life.pdf: the file is empty", () => []);
        yield return Refused("text-named-pdf", "a text file named .pdf",
            "03-Life.pdf: not a PDF (it starts with \"This\")", () => "This is not a PDF, only some words.\n"u8.ToArray());
        yield return Refused("pdf-without-pages", "a PDF whose page tree is empty", "03-Life.pdf: the PDF has no pages", () =>
        {
            var pdf = new RawPdf();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [] /Count 0 >>");
            return pdf.Build();
        });
        yield return Refused("page-20000pt-square", "a page 20,000 points square",
            "03-Life.pdf: the page is 20000 x 20000 pt, not a plausible newspaper page", () => Sized("0 0 20000 20000"));
        yield return Refused("page-strip-100x2000pt", "a page 100 points wide and 2,000 tall (2000 px wide it would be 40,000 px tall)",
            "03-Life.pdf: the page is 100 x 2000 pt, 20 times as tall as it is wide; a page may be at most 8 times", () => Sized("0 0 100 2000"));
        yield return Refused("page-1pt-square", "a page one point square",
            "03-Life.pdf: the page is 1 x 1 pt, not a plausible newspaper page", () => Sized("0 0 1 1"));
        yield return Refused("page-tall-strip-842x40000pt", "a strip 842 points wide and 40,000 tall (a 2000 x 95000 px master)",
            "03-Life.pdf: the page is 842 x 40000 pt, not a plausible newspaper page", () => Sized("0 0 842 40000"));
        yield return Refused("mediabox-not-numbers", "a media box of names and a string",
            "03-Life.pdf: ", () => Sized("/a /b (c) 0"));
        yield return new BadInput("page-rotated-90", InputKind.Pdf, "a page rotated 90 degrees",
            null, root => WithGoodPages(root, Page3, RawPdf.Page(extraPage: "/Rotate 90").Build())) { Accepted = BadInputs.Accepted.WithNote };
        yield return Accepted("xref-offsets-wrong", "every cross-reference offset off by 7 bytes (MuPDF repairs it)", () =>
        {
            var bytes = RawPdf.Page().Build();
            var text = Encoding.Latin1.GetString(bytes);
            var table = text.IndexOf("xref\n", StringComparison.Ordinal);
            var fixedTable = System.Text.RegularExpressions.Regex.Replace(text[table..], "(\\d{10}) 00000 n", m => (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 7).ToString("D10", CultureInfo.InvariantCulture) + " 00000 n");
            return Encoding.Latin1.GetBytes(text[..table] + fixedTable);
        });
        yield return Refused("content-stream-missing", "a page whose content stream is not in the file",
            "03-Life.pdf: the PDF is truncated or corrupt (the page's content stream is missing)", () =>
            {
                var pdf = RawPdf.Page();
                pdf.Set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] /Contents 99 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
                return pdf.Build();
            });
        yield return Accepted("type3-glyph-draws-itself", "a Type 3 font whose glyph shows itself again", () =>
        {
            var pdf = RawPdf.Page(extraContent: "BT /T3 12 Tf 100 100 Td (a) Tj ET\n", extraResources: "");
            var proc = pdf.AddStream("", "0 0 d0 BT /T3 1 Tf (a) Tj ET\n"u8.ToArray());
            var font = pdf.Add($"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a {proc} 0 R >> /Encoding << /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1000] /Resources << /Font << /T3 {proc + 1} 0 R >> >> >>");
            pdf.Set(3, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R /T3 {font} 0 R >> >> >>");
            return pdf.Build();
        });
        yield return Accepted("arrays-nested-100000-deep", "a page dictionary with arrays nested 100,000 deep (the copy readers get leaves the key out)",
            () => RawPdf.Page(extraPage: "/Deep " + new string('[', 100_000) + new string(']', 100_000)).Build());
        yield return Accepted("objects-200000-unused", "200,000 objects nobody refers to", () =>
        {
            var pdf = RawPdf.Page();
            for (var i = 0; i < 200_000; i++)
            {
                pdf.Add("<< /N 1 >>");
            }

            return pdf.Build();
        });
        yield return Accepted("inline-images-50000", "50,000 tiny inline images (2 MB of content)",
            () => Content(RawPdf.Deflate("q 1 0 0 1 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q\n"u8.ToArray(), 50_000)));
        // MuPDF parses an object stream only as far as the objects it needs; the copy readers get has none.
        yield return new BadInput("object-stream-bomb", InputKind.Pdf, "the page tree inside an object stream that inflates to 300 MB", null,
            root => WithGoodPages(root, Page3, ObjectStreamBomb())) { Accepted = BadInputs.Accepted.WithNote };
        yield return new BadInput("four-pages-at-the-limits", InputKind.Pdf, "four pages just under the text and content budgets, read two at a time", null, root =>
        {
            var text = Content(RawPdf.Deflate(Encoding.ASCII.GetBytes("BT /F1 1 Tf 10 10 Td (" + new string('x', 1000) + ") Tj ET\n"), 290));
            var paths = Content(RawPdf.Deflate("0 0 m 1 1 l S\n"u8.ToArray(), (6L << 20) / 15));
            return Folder(root, ("01.pdf", text), ("02.pdf", paths), ("03.pdf", text), ("04.pdf", paths));
        });
        yield return Accepted("text-not-utf16", "a ToUnicode map to lone surrogates and U+FFFF", () =>
        {
            var pdf = RawPdf.Page();
            var cmap = pdf.AddStream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <4C> <D800> <69> <FFFF> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end\n"u8.ToArray());
            pdf.Set(5, $"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode {cmap} 0 R >>");
            return pdf.Build();
        });
    }

    private static BadInput Refused(string name, string what, string? refusal, Func<byte[]> page) =>
        new(name, InputKind.Pdf, what, refusal ?? "03-Life.pdf: ", root => WithGoodPages(root, Page3, page()));

    private static BadInput Refused(string name, string what, string refusal, Func<string, string> write, InputKind kind) =>
        new(name, kind, what, refusal, write);

    private static BadInput Accepted(string name, string what, Func<byte[]> page) =>
        new(name, InputKind.Pdf, what, null, root => WithGoodPages(root, Page3, page()));

    private static BadInput Sanitised(string name, string what, Func<byte[]> page) =>
        new(name, InputKind.Pdf, what, null, root => WithGoodPages(root, Page3, page())) { Accepted = BadInputs.Accepted.Sanitised };

    /// <summary>A good page whose content stream is replaced by <paramref name="deflated"/>.</summary>
    private static byte[] Content(byte[] deflated, int layers = 1)
    {
        var pdf = RawPdf.Page();
        pdf.SetStream(4, $"/Filter [{string.Concat(Enumerable.Repeat("/FlateDecode ", layers))}]", deflated);
        return pdf.Build();
    }

    private static byte[] Sized(string mediaBox)
    {
        var pdf = RawPdf.Page();
        pdf.Set(3, $"<< /Type /Page /Parent 2 0 R /MediaBox [{mediaBox}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>");
        return pdf.Build();
    }

    /// <summary>A page drawing form 1; form k draws form k+1 <paramref name="fanOut"/> times; the last shows a line of text.</summary>
    private static byte[] Forms(int levels, int fanOut)
    {
        var pdf = RawPdf.Page(extraContent: "/X1 Do\n", extraResources: "/XObject << /X1 7 0 R >>");
        for (var level = 1; level <= levels; level++)
        {
            var number = 6 + level;
            var content = level == levels
                ? "BT /F1 10 Tf 10 10 Td (A line of text at the bottom of the forms.) Tj ET\n"
                : string.Concat(Enumerable.Repeat($"/X{level + 1} Do\n", fanOut));
            var resources = level == levels ? "/Font << /F1 5 0 R >>" : $"/XObject << /X{level + 1} {number + 1} 0 R >>";
            pdf.SetStream(number, $"/Type /XObject /Subtype /Form /BBox [0 0 842 1191] /Resources << {resources} >>", Encoding.ASCII.GetBytes(content));
        }

        return pdf.Build();
    }

    /// <summary>A PDF of <paramref name="count"/> pages sharing one content stream.</summary>
    internal static byte[] ManyPages(int count)
    {
        var pdf = new RawPdf();
        pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.SetStream(3, "", "BT /F1 24 Tf 60 1100 Td (A page among thousands) Tj ET"u8.ToArray());
        pdf.Set(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var kids = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var page = pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>");
            kids.Append(CultureInfo.InvariantCulture, $"{page} 0 R ");
        }

        pdf.Set(2, $"<< /Type /Pages /Kids [{kids}] /Count {count} >>");
        return pdf.Build();
    }

    /// <summary>A page with every kind of active content a PDF can carry.</summary>
    internal static RawPdf ActivePage((string User, string Owner)? passwords = null)
    {
        var pdf = new RawPdf { Passwords = passwords };
        pdf.WithPageOf(RawPdf.Page(
            extraPage: "/AA << /O 7 0 R >> /Annots [8 0 R 9 0 R 10 0 R]",
            extraCatalog: "/OpenAction 7 0 R /AA << /WC 7 0 R >> /Names << /JavaScript << /Names [(x) 7 0 R] >> /EmbeddedFiles << /Names [(evil.exe) 11 0 R] >> >>"));
        pdf.Set(7, "<< /S /JavaScript /JS (app.alert\\('pwned'\\)) >>");
        pdf.Set(8, "<< /Type /Annot /Subtype /Link /Rect [60 1090 700 1140] /A << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) >> >> >>");
        pdf.Set(9, "<< /Type /Annot /Subtype /Link /Rect [60 900 700 1000] /A << /S /URI /URI (javascript:alert\\(1\\)) >> >>");
        pdf.Set(10, "<< /Type /Annot /Subtype /FileAttachment /Rect [60 60 80 80] /FS 11 0 R /Contents (open me) >>");
        pdf.Set(11, "<< /Type /Filespec /F (evil.exe) /EF << /F 12 0 R >> >>");
        pdf.SetStream(12, "/Type /EmbeddedFile", "MZ this is not a program"u8.ToArray());
        return pdf;
    }

    /// <summary>
    /// Objects 2 (the page tree) and 3 (the page) live in an object stream whose data goes on with 300 MB of
    /// spaces; a cross-reference stream points into it, as PDF 1.5 files do.
    /// </summary>
    private static byte[] ObjectStreamBomb()
    {
        var objects = "<< /Type /Pages /Kids [3 0 R] /Count 1 >> << /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] >>";
        var header = "2 0 3 42 ";
        var data = RawPdf.Deflate([.. RawPdf.Latin(header + objects), .. Enumerable.Repeat((byte)' ', 65536)], 1 + ((300L << 20) / 65536));
        using var file = new MemoryStream();
        void Write(string text) => file.Write(RawPdf.Latin(text));
        Write("%PDF-1.7\n");
        var catalog = file.Position;
        Write("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        var stream = file.Position;
        Write(string.Create(CultureInfo.InvariantCulture, $"4 0 obj\n<< /Type /ObjStm /N 2 /First {header.Length} /Filter /FlateDecode /Length {data.Length} >>\nstream\n"));
        file.Write(data);
        Write("\nendstream\nendobj\n");
        var xref = file.Position;
        byte[] Row(byte type, long field2, int field3) => [type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3];
        byte[] rows = [.. Row(0, 0, 65535), .. Row(1, catalog, 0), .. Row(2, 4, 0), .. Row(2, 4, 1), .. Row(1, stream, 0), .. Row(1, xref, 0)];
        Write(string.Create(CultureInfo.InvariantCulture, $"5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length {rows.Length} >>\nstream\n"));
        file.Write(rows);
        Write(string.Create(CultureInfo.InvariantCulture, $"\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n"));
        return file.ToArray();
    }
}

public static class RawPdfCopy
{
    /// <summary>Moves the objects of <paramref name="page"/> into this (empty) PDF, so it can be built with this one's prefix or passwords.</summary>
    public static RawPdf WithPageOf(this RawPdf pdf, RawPdf page)
    {
        var bytes = page.Build();
        var text = Encoding.Latin1.GetString(bytes);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, "(\\d+) 0 obj\\n(.*?)\\nendobj\\n", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var number = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var body = m.Groups[2].Value;
            var streamAt = body.IndexOf("\nstream\n", StringComparison.Ordinal);
            if (streamAt < 0)
            {
                pdf.Set(number, body);
                continue;
            }

            var dictionary = body[..streamAt];
            var data = body[(streamAt + 8)..^"\nendstream".Length];
            var inner = dictionary.Trim().TrimStart('<').TrimEnd('>');
            inner = System.Text.RegularExpressions.Regex.Replace(inner, "/Length \\d+", "");
            pdf.SetStream(number, inner, Encoding.Latin1.GetBytes(data));
        }

        return pdf;
    }
}
