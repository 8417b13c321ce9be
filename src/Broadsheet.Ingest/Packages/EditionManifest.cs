using System.Text.Json.Serialization;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// An edition package's <c>edition.json</c>, as <c>docs/edition.schema.json</c> describes it. Instances
/// only come from <see cref="ManifestReader"/>, which checks the file against the schema first, so the
/// shapes here can be trusted; what the schema cannot say (file paths, labels, page sizes) is checked there.
/// </summary>
internal sealed record EditionManifest
{
    /// <summary>The name every message uses for the manifest.</summary>
    public const string FileName = "edition.json";

    public string? Publication { get; init; }

    public string? Date { get; init; }

    public int? Edition { get; init; }

    public int? IssueNumber { get; init; }

    public IReadOnlyList<ManifestPage>? Pages { get; init; }

    public IReadOnlyList<ManifestArticle>? Articles { get; init; }
}

/// <summary>A page of the manifest: its label, name, section and file.</summary>
internal sealed record ManifestPage
{
    public required string Label { get; init; }

    public string? Name { get; init; }

    public string? Section { get; init; }

    public required string File { get; init; }

    public int PdfPage { get; set; } = 1;
}

/// <summary>An article of the manifest, as a typesetting system exports it.</summary>
internal sealed record ManifestArticle
{
    public string Kind { get; set; } = "story";

    public string? Kicker { get; init; }

    public required string Headline { get; init; }

    public string? Subheadline { get; init; }

    public string? Byline { get; init; }

    public IReadOnlyList<string> Paragraphs { get; set; } = [];

    public IReadOnlyList<ManifestPlacement> Regions { get; set; } = [];

    public IReadOnlyList<ManifestPlacement> Images { get; set; } = [];
}

/// <summary>Where an article (or one of its photos) is printed: a page and a polygon.</summary>
internal sealed record ManifestPlacement
{
    public required string Page { get; init; }

    /// <summary><c>fraction</c> (0..1 of the page, the default) or <c>pt</c> (PDF points from the top-left corner).</summary>
    public string Unit { get; set; } = "fraction";

    public IReadOnlyList<double[]> Polygon { get; set; } = [];

    public string? Caption { get; init; }

    public string? Credit { get; init; }
}

/// <summary>
/// Deserialises a manifest once the schema has accepted it. Properties with defaults have setters, not
/// init accessors: the generated code passes every init-only property, so a missing one would get
/// default(T) instead of the stated default.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EditionManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
