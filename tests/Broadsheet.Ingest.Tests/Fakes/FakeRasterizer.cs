using System.Security.Cryptography;
using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Tests.Fakes;

/// <summary>
/// Writes a stand-in "image" per PDF (derived from the PDF's bytes, so different pages give different
/// blobs) instead of rendering; can be told to fail or to wait, to test clean-up.
/// </summary>
internal sealed class FakeRasterizer : IPageRasterizer
{
    private int _calls;

    /// <summary>Fail on the call with this 1-based number.</summary>
    public int? FailOnCall { get; set; }

    /// <summary>Called at the start of every call (e.g. to cancel the import half-way).</summary>
    public Action<int>? OnCall { get; set; }

    public int Calls => _calls;

    /// <summary>How long each call takes (until cancelled), to test the page's time budget.</summary>
    public TimeSpan Delay { get; set; }

    public async Task<RasterizedPage> RasterizeAsync(string pdfPath, int pageNumber, int widthPx, string outputPath, ToolLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        OnCall?.Invoke(call);
        cancellationToken.ThrowIfCancellationRequested();
        await Task.Delay(Delay, cancellationToken);
        if (call == FailOnCall)
        {
            throw new InvalidOperationException("mutool draw exited with code 1");
        }

        var hash = SHA256.HashData(await File.ReadAllBytesAsync(pdfPath, cancellationToken));
        await File.WriteAllBytesAsync(outputPath, [0x89, (byte)'P', (byte)'N', (byte)'G', .. hash], cancellationToken);
        return new RasterizedPage(outputPath, widthPx, (int)Math.Round(widthPx * 1.414));
    }
}
