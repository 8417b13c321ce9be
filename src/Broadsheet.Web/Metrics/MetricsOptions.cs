namespace Broadsheet.Web.Metrics;

/// <summary>Settings of <c>/metrics</c>, under <c>Broadsheet:Metrics</c> (docs/operations.md, "Metrics").</summary>
internal sealed class MetricsOptions
{
    public const string Section = "Broadsheet:Metrics";

    /// <summary>Whether the server counts and serves metrics at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether <c>/metrics</c> answers clients other than loopback (a Prometheus on another machine of a private network).
    /// Default false: only a scraper on the node itself, and never a request a proxy forwarded (it carries
    /// <c>X-Forwarded-For</c>), so a public site behind nginx does not publish its figures by accident.
    /// </summary>
    public bool AllowRemote { get; set; }
}
