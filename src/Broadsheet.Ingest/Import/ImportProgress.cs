namespace Broadsheet.Ingest;

/// <summary>The steps of an import, in the order they happen (page steps run for several pages at once).</summary>
public enum ImportStage
{
    /// <summary>Reading the package; unpacking it when it is a zip.</summary>
    Unpacking = 0,

    /// <summary>Checking every page PDF before anything is written.</summary>
    Validating = 1,

    /// <summary>Rendering a page to its master image.</summary>
    Rasterising = 2,

    /// <summary>Reading a page's text and layout.</summary>
    ReadingText = 3,

    /// <summary>Finding the articles on a page.</summary>
    Detecting = 4,

    /// <summary>Putting a page's image and PDF into the blob store.</summary>
    Storing = 5,

    /// <summary>Saving the edition to the database, in one transaction.</summary>
    Saving = 6,

    /// <summary>The edition is saved and published.</summary>
    Done = 7,
}

/// <summary>
/// A step of an import, for a progress bar or a live view. <see cref="PageLabel"/> is null for steps that
/// concern the whole edition; <see cref="PagesDone"/> counts pages through the current phase (validation, then processing).
/// </summary>
public readonly record struct ImportProgress(ImportStage Stage, string? PageLabel, int PagesDone, int PageCount);
