using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Broadsheet.Core.Ports;
using Broadsheet.Imaging.Rasterizing;
using Microsoft.Extensions.Options;

namespace Broadsheet.Imaging.Sanitizing;

/// <summary>
/// <see cref="IPdfSanitizer"/> with MuPDF's <c>mutool run</c> and <c>sanitize.js</c> (beside this assembly):
/// the page is grafted into a new document, which takes its content, resources and boxes and nothing of the
/// document around it, then every stream it keeps is decoded once to measure it, in a process with limits.
/// </summary>
internal sealed class MutoolPdfSanitizer(IOptions<RasterizerOptions> options) : IPdfSanitizer
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Sanitizing", "sanitize.js");

    private readonly string _mutool = options.Value.MutoolPath;

    public async Task<int> CountPagesAsync(string pdfPath, ToolLimits limits, CancellationToken cancellationToken = default)
    {
        using var answer = await RunAsync(["count", pdfPath], limits, cancellationToken);
        return answer.RootElement.GetProperty("pages").GetInt32();
    }

    public async Task<SanitizedPdfPage> ExtractPageAsync(string pdfPath, int pageNumber, string outputPath, PdfPageBudget budget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        using var answer = await RunAsync(
            ["page", pdfPath, Invariant(pageNumber), outputPath, Invariant(budget.MaxStreamBytes), Invariant(budget.MaxPageBytes), Invariant(budget.MaxImagePixels)],
            budget.Limits,
            cancellationToken);
        var root = answer.RootElement;
        if (!File.Exists(outputPath))
        {
            throw new PdfRefusedException(PdfRefusal.Corrupt, 0, "mutool wrote no page");
        }

        return new SanitizedPdfPage(
            root.GetProperty("pages").GetInt32(),
            root.GetProperty("decoded").GetInt64(),
            [.. root.GetProperty("removed").EnumerateArray().Select(e => e.GetString()!)]);
    }

    private async Task<JsonDocument> RunAsync(IReadOnlyList<string> arguments, ToolLimits limits, CancellationToken cancellationToken)
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"{Script} is missing; the build copies it beside Broadsheet.Imaging.dll");
        }

        ExternalTool.Outcome outcome;
        try
        {
            outcome = await ExternalTool.RunAsync(_mutool, ["run", Script, .. arguments], limits, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new PdfRefusedException(PdfRefusal.OutOfTime, (long)limits.Timeout.TotalSeconds);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"mutool (MuPDF's mupdf-tools) is needed to check PDFs: {ex.Message}", ex);
        }

        var last = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (outcome.ExitCode == 0 && last is not null && last.StartsWith('{'))
        {
            var answer = JsonDocument.Parse(last);
            // A bomb in an object stream or a cross-reference stream stops MuPDF loading the objects in it, so the
            // file then seems to lack pages; what it said on the way is the better reason.
            if (answer.RootElement.TryGetProperty("error", out _) && outcome.Error.Contains("compression bomb", StringComparison.Ordinal))
            {
                answer.Dispose();
                throw new PdfRefusedException(PdfRefusal.CompressionBomb);
            }

            Refuse(answer.RootElement, answer);
            return answer;
        }

        if (outcome.CpuExhausted)
        {
            throw new PdfRefusedException(PdfRefusal.OutOfTime, (long)limits.Timeout.TotalSeconds);
        }

        // MuPDF says "out of memory", or names the allocation that failed ("malloc of 559080000 bytes failed").
        if (outcome.Error.Contains("out of memory", StringComparison.OrdinalIgnoreCase) || (outcome.Error.Contains("alloc ", StringComparison.Ordinal) && outcome.Error.Contains("failed", StringComparison.Ordinal)))
        {
            throw new PdfRefusedException(PdfRefusal.OutOfMemory, limits.MemoryBytes);
        }

        throw new PdfRefusedException(PdfRefusal.Corrupt, 0, ToolMessage(outcome.Error) ?? $"mutool exit code {outcome.ExitCode}");
    }

    private static void Refuse(JsonElement root, JsonDocument answer)
    {
        PdfRefusedException? refusal = null;
        if (root.TryGetProperty("error", out var error))
        {
            refusal = error.GetString() switch
            {
                "encrypted" => new PdfRefusedException(PdfRefusal.Encrypted),
                "nopages" => new PdfRefusedException(PdfRefusal.NoPages),
                "nopage" => new PdfRefusedException(PdfRefusal.NoSuchPage, root.GetProperty("pages").GetInt64()),
                "nocontent" => new PdfRefusedException(PdfRefusal.ContentMissing),
                _ => new PdfRefusedException(PdfRefusal.Corrupt, 0, root.TryGetProperty("message", out var m) ? ToolMessage(m.GetString()) : null),
            };
        }
        else if (root.TryGetProperty("limit", out var limit))
        {
            refusal = limit.GetString() switch
            {
                "stream" => new PdfRefusedException(PdfRefusal.StreamTooLarge, root.GetProperty("bytes").GetInt64()),
                "page" => new PdfRefusedException(PdfRefusal.PageTooLarge, root.GetProperty("bytes").GetInt64()),
                "image" => new PdfRefusedException(PdfRefusal.ImageTooLarge, (long)(root.GetProperty("width").GetDouble() * root.GetProperty("height").GetDouble())),
                "bomb" => new PdfRefusedException(PdfRefusal.CompressionBomb),
                _ => new PdfRefusedException(PdfRefusal.OutOfMemory),
            };
        }

        if (refusal is not null)
        {
            answer.Dispose();
            throw refusal;
        }
    }

    /// <summary>MuPDF's own words for what is wrong: the last "error:" line, without the script's stack.</summary>
    private static string? ToolMessage(string? error)
    {
        if (string.IsNullOrWhiteSpace(error))
        {
            return null;
        }

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var said = lines.LastOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal)) ?? lines.FirstOrDefault(l => !l.StartsWith("at ", StringComparison.Ordinal));
        return said?.Replace("error:", "", StringComparison.Ordinal).Trim();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
