using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Broadsheet.Imaging.Derivatives;

/// <summary>
/// Loads .NET's own Brotli (<c>libSystem.IO.Compression.Native</c>) before anything in this assembly starts libvips.
/// Debian's libvips loads its format modules into the process's global symbol scope, and its JPEG XL module brings
/// Debian's <c>libbrotlienc</c> with it. .NET's compression library, bound when it is loaded, then resolves its own
/// Brotli calls to Debian's copy: the first Brotli compression after an import (a reader page cached by a server
/// whose desk has just imported an edition) crashed the process with SIGSEGV in <c>BrotliEncoderDestroyInstance</c>.
/// Loaded first, it binds to its own functions and keeps them.
/// </summary>
internal static class BrotliBeforeVips
{
#pragma warning disable CA2255 // This library starts a native library whose symbols would otherwise break .NET's compression.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Load()
    {
        ReadOnlySpan<byte> input = [1, 2, 3];
        Span<byte> output = stackalloc byte[64];
        _ = BrotliEncoder.TryCompress(input, output, out _);
    }
}
