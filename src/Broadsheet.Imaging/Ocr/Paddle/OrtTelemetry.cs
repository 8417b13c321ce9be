using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Broadsheet.Imaging.Ocr.Paddle;

/// <summary>
/// Turns ONNX Runtime's telemetry off before its environment is created. Its Linux builds (1.29 on) start a 1DS
/// uploader that would send usage events from a newsroom's server and leave a session file (<c>$TMPDIR/.ses</c>)
/// behind every import that read a page by OCR. The opt-out is an environment variable the native library reads
/// with getenv, which .NET's own Environment.SetEnvironmentVariable does not reach on Linux, so it is set in libc too;
/// then the runtime's own switch, for what the variable does not cover.
/// </summary>
internal static class OrtTelemetry
{
    private static readonly Lazy<bool> Off = new(() =>
    {
        foreach (var name in (string[])["ORT_TELEMETRY_DISABLED", "ORT_DISABLE_TELEMETRY"])
        {
            Environment.SetEnvironmentVariable(name, "1");
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                _ = SetEnv(System.Text.Encoding.UTF8.GetBytes(name + "\0"), "1\0"u8.ToArray(), 1);
            }
        }

        OrtEnv.Instance().DisableTelemetryEvents();
        return true;
    });

    /// <summary>Call before the first session is created; later calls do nothing.</summary>
    public static void TurnOff() => _ = Off.Value;

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(byte[] name, byte[] value, int overwrite);
}
