using System.Diagnostics;
using System.Text;
using Broadsheet.BadInputs;
using Broadsheet.Core.Ports;
using Broadsheet.Imaging.Rasterizing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Imaging.Tests;

/// <summary>
/// The page copy readers download: one page, without scripts, actions, annotations, attachments or encryption,
/// measured in a mutool process of its own that a bomb cannot take the importer down with.
/// </summary>
public sealed class PdfSanitizerTests : IDisposable
{
    private static readonly PdfPageBudget Budget = new(32L << 20, 64L << 20, 250_000_000, ToolLimits.Default);
    private readonly string _dir = Directory.CreateTempSubdirectory("broadsheet-sanitizer-").FullName;
    private readonly IPdfSanitizer _sanitizer = new ServiceCollection().AddBroadsheetImaging().BuildServiceProvider().GetRequiredService<IPdfSanitizer>();

    [Fact]
    public async Task The_copy_of_a_page_with_scripts_actions_links_and_an_attachment_keeps_only_its_content()
    {
        var active = Write("active.pdf", BadInputCorpus.ActivePage().Build());

        var page = await _sanitizer.ExtractPageAsync(active, 1, Path.Combine(_dir, "clean.pdf"), Budget);

        var clean = await File.ReadAllBytesAsync(Path.Combine(_dir, "clean.pdf"));
        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(clean[..8]), StringComparison.Ordinal);
        Assert.All(ActiveKeys, key => Assert.DoesNotContain(key, Encoding.Latin1.GetString(clean), StringComparison.Ordinal));
        Assert.Contains("Council approves the budget", Encoding.Latin1.GetString(clean), StringComparison.Ordinal);
        Assert.Equal(["AA", "Names", "OpenAction"], page.Removed);
    }

    [Fact]
    public async Task An_owner_password_only_pdf_is_copied_decrypted_and_a_user_password_one_is_refused()
    {
        var owner = Write("owner.pdf", BadInputCorpus.ActivePage(("", "owner")).Build());
        var user = Write("user.pdf", new RawPdf { Passwords = ("secret", "owner") }.WithPageOf(RawPdf.Page()).Build());

        var page = await _sanitizer.ExtractPageAsync(owner, 1, Path.Combine(_dir, "owner-clean.pdf"), Budget);
        var refusal = await Assert.ThrowsAsync<PdfRefusedException>(() => _sanitizer.ExtractPageAsync(user, 1, Path.Combine(_dir, "user-clean.pdf"), Budget));

        var clean = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(_dir, "owner-clean.pdf")));
        Assert.Contains("Encrypt", page.Removed);
        Assert.DoesNotContain("/Encrypt", clean, StringComparison.Ordinal);
        Assert.Contains("(Council approves the budget) Tj", clean, StringComparison.Ordinal);
        Assert.Equal(PdfRefusal.Encrypted, refusal.Reason);
    }

    [Fact]
    public async Task An_html_polyglot_is_copied_as_a_pdf_that_starts_like_one()
    {
        var polyglot = Write("polyglot.pdf", new RawPdf { Prefix = "<html><body><script>alert(1)</script>\n"u8.ToArray() }.WithPageOf(RawPdf.Page()).Build());

        await _sanitizer.ExtractPageAsync(polyglot, 1, Path.Combine(_dir, "clean.pdf"), Budget);

        var clean = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(_dir, "clean.pdf")));
        Assert.StartsWith("%PDF-1.", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", clean, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task One_page_of_a_long_pdf_is_copied_alone_and_the_count_comes_from_the_tool()
    {
        var many = Write("many.pdf", BadInputCorpus.ManyPages(300));

        var count = await _sanitizer.CountPagesAsync(many, ToolLimits.Default);
        var page = await _sanitizer.ExtractPageAsync(many, 250, Path.Combine(_dir, "250.pdf"), Budget);
        var missing = await Assert.ThrowsAsync<PdfRefusedException>(() => _sanitizer.ExtractPageAsync(many, 301, Path.Combine(_dir, "301.pdf"), Budget));

        Assert.Equal(300, count);
        Assert.Equal(300, page.PdfPageCount);
        Assert.Equal(1, await _sanitizer.CountPagesAsync(Path.Combine(_dir, "250.pdf"), ToolLimits.Default));
        Assert.Equal((PdfRefusal.NoSuchPage, 300L), (missing.Reason, missing.Value));
    }

    [Theory]
    [InlineData(40, PdfRefusal.StreamTooLarge)]
    [InlineData(300, PdfRefusal.CompressionBomb)]
    public async Task A_stream_that_decodes_past_the_budget_is_refused_with_its_size(int megabytes, PdfRefusal reason)
    {
        var pdf = RawPdf.Page();
        pdf.SetStream(4, "/Filter /FlateDecode", RawPdf.Deflate("0 0 m\n"u8.ToArray(), (megabytes << 20) / 6));
        var bomb = Write("bomb.pdf", pdf.Build());

        var refusal = await Assert.ThrowsAsync<PdfRefusedException>(() => _sanitizer.ExtractPageAsync(bomb, 1, Path.Combine(_dir, "clean.pdf"), Budget));

        Assert.Equal(reason, refusal.Reason);
        Assert.False(File.Exists(Path.Combine(_dir, "clean.pdf")));
    }

    [Fact]
    public async Task A_page_that_needs_more_memory_than_its_limit_fails_in_the_child_not_here()
    {
        var pdf = RawPdf.Page();
        pdf.SetStream(4, "/Filter /FlateDecode", RawPdf.Deflate(" "u8.ToArray(), 90L << 20));
        var big = Write("big.pdf", pdf.Build());
        var tight = Budget with { MaxStreamBytes = 1L << 30, MaxPageBytes = 1L << 30, Limits = new ToolLimits(TimeSpan.FromMinutes(1), 64L << 20) };

        var refusal = await Assert.ThrowsAsync<PdfRefusedException>(() => _sanitizer.ExtractPageAsync(big, 1, Path.Combine(_dir, "clean.pdf"), tight));

        Assert.Equal(PdfRefusal.OutOfMemory, refusal.Reason);
    }

    [Fact]
    public async Task A_tool_that_runs_past_its_time_is_killed()
    {
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => ExternalTool.RunAsync("sleep", ["60"], new ToolLimits(TimeSpan.FromSeconds(1), 64L << 20), CancellationToken.None));

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 30);
    }

    private static readonly string[] ActiveKeys = ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Annots", "/Launch", "/EmbeddedFile", "/Filespec", "/URI", "MZ this"];

    private string Write(string name, byte[] data)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
