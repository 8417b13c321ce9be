namespace Broadsheet.BadInputs;

/// <summary>Every kind of bad input, in a stable order.</summary>
public static class BadInputCorpus
{
    public static IReadOnlyList<BadInput> All { get; } =
        [.. PdfInputs.All(), .. ImageInputs.All(), .. ZipInputs.All(), .. ManifestInputs.All(), .. PackageInputs.All()];

    public static BadInput Named(string name) => All.Single(i => i.Name == name);

    /// <summary>A good page with JavaScript on open, a page action, Launch and javascript: links and an embedded .exe; encrypted when passwords are given.</summary>
    public static RawPdf ActivePage((string User, string Owner)? passwords = null) => PdfInputs.ActivePage(passwords);

    /// <summary>A PDF of <paramref name="count"/> small pages.</summary>
    public static byte[] ManyPages(int count) => PdfInputs.ManyPages(count);

    /// <summary>Writes the kind's package under <paramref name="root"/>/<c>{name}</c> and returns its path.</summary>
    public static string Write(BadInput input, string root)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Write(Path.Combine(root, input.Name));
    }
}
