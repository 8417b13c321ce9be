using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Web;

/// <summary>Settings of the web application, under the <c>Broadsheet</c> configuration section.</summary>
internal sealed class BroadsheetWebOptions : IValidatableObject
{
    public const string Section = "Broadsheet";

    /// <summary>
    /// Where readers reach the site, e.g. <c>https://epaper.example.org</c>: absolute URLs (canonical, OpenGraph,
    /// JSON-LD, sitemaps) are built from it, and unless <c>AllowedHosts</c> is set only its host is served. Unset,
    /// they come from each request (fine on a laptop; set it anywhere the public reaches).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The data folder (database, blobs, index); <c>./data</c> unless set, relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Data { get; set; } = "./data";

    /// <summary>
    /// The database: unset for <c>broadsheet.db</c> in the data folder, a SQLite file's path, or a PostgreSQL connection
    /// string (<c>Host=db;Database=broadsheet;Username=broadsheet</c>); docs/operations.md, "PostgreSQL".
    /// </summary>
    public string? Database { get; set; }

    /// <summary>
    /// The search index's folder when it is not <c>index/</c> in the data folder: each of several web nodes sharing one
    /// data folder keeps its own, on its own disk (docs/operations.md, "Several web nodes").
    /// </summary>
    public string? Index { get; set; }

    /// <summary>Searches one client (address) may make in a burst before it is slowed down. Default 30.</summary>
    [Range(1, 100_000)]
    public int SearchBurst { get; set; } = 30;

    /// <summary>Searches one client may make a minute once its burst is spent. Default 60.</summary>
    [Range(1, 100_000)]
    public int SearchPerMinute { get; set; } = 60;

    /// <summary>Whether cached reader pages are answered on the socket's own thread (<see cref="Hosting.InlineServing"/>). Default true.</summary>
    public bool InlineServing { get; set; } = true;

    /// <summary>Whether the server deletes page blobs no edition uses when it starts (<see cref="Hosting.SweepOrphanBlobsOnStart"/>). Default true.</summary>
    public bool SweepBlobsOnStart { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicUrl))
        {
            yield break;
        }

        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            yield return new ValidationResult(
                $"Broadsheet:PublicUrl must be an http or https URL without query, fragment or user (like https://epaper.example.org), not '{PublicUrl}'.",
                [nameof(PublicUrl)]);
        }
    }
}

internal static class BroadsheetWebOptionsRegistration
{
    /// <summary>
    /// Registers the options with start-up validation and returns their values now, because the data folder
    /// decides which services are registered.
    /// </summary>
    public static BroadsheetWebOptions AddBroadsheetWebOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BroadsheetWebOptions>()
            .BindConfiguration(BroadsheetWebOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(BroadsheetWebOptions.Section).Get<BroadsheetWebOptions>() ?? new();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }
}
