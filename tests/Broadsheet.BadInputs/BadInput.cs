namespace Broadsheet.BadInputs;

/// <summary>What a bad input is made of, for the bench table's grouping.</summary>
public enum InputKind
{
    Pdf,
    Image,
    Zip,
    Manifest,
    Xml,
    Package,
}

/// <summary>
/// One kind of bad input: a package (a folder or a zip, dated <see cref="Packages.Date"/>) that holds it, and
/// what the importer must do with it.
/// </summary>
/// <param name="Name">A name for the kind, also its folder in the corpus.</param>
/// <param name="Kind">What it is made of.</param>
/// <param name="What">The trick, in a few words.</param>
/// <param name="Refusal">
/// Part of the one line the importer refuses it with (after <c>broadsheet: </c>), or null when it is to be taken,
/// safely: then <paramref name="Accepted"/> says what must hold of what was stored.
/// </param>
/// <param name="Write">Writes the package into the folder given and returns its path (the folder or the zip).</param>
public sealed record BadInput(string Name, InputKind Kind, string What, string? Refusal, Func<string, string> Write)
{
    /// <summary>When accepted: what readers get must be this (e.g. a PDF with no scripts); checked by the tests.</summary>
    public Accepted Accepted { get; init; } = Accepted.Plainly;

    /// <summary>Settings the import runs with (environment form, <c>Broadsheet__Ingest__…</c>), to bring a limit within reach.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public override string ToString() => Name;
}

/// <summary>What a safely accepted input must have become.</summary>
public enum Accepted
{
    /// <summary>Imported like any edition.</summary>
    Plainly,

    /// <summary>Imported, and the PDF readers download has no scripts, actions, annotations, attachments or encryption, and starts with <c>%PDF-</c>.</summary>
    Sanitised,

    /// <summary>Imported with a review note on the page saying what was odd.</summary>
    WithNote,
}
