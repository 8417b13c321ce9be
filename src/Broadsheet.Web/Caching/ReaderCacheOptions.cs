using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Web.Caching;

/// <summary>How long reader pages are kept, under <c>Broadsheet:ReaderCache</c>.</summary>
public sealed class ReaderCacheOptions
{
    public const string Section = "Broadsheet:ReaderCache";

    /// <summary>Seconds a rendered page stays in the server's output cache unless invalidated first; 600 unless set.</summary>
    [Range(1, 86_400)]
    public int ServerSeconds { get; set; } = 600;

    /// <summary>Seconds browsers and CDNs may reuse a page without asking again (<c>max-age</c>); 60 unless set.</summary>
    [Range(0, 86_400)]
    public int ClientSeconds { get; set; } = 60;

    /// <summary>Memory the cached pages may take, in megabytes; 256 unless set.</summary>
    [Range(1, 65_536)]
    public int MaxMegabytes { get; set; } = 256;

    /// <summary>
    /// Seconds between looks at the editions' stamps, which notice imports made by another process; 5 unless set,
    /// 0 turns the polling off.
    /// </summary>
    [Range(0, 3_600)]
    public int PollSeconds { get; set; } = 5;
}
