namespace Broadsheet.Ingest;

/// <summary>The steps of an import, in the order they happen (page steps run for several pages at once).</summary>
public enum ImportStage
{
    /// <summary>Reading the package; unpacking it when it is a zip.</summary>
    Unpacking = 0,

    /// <summary>Checking every page PDF before anything is written.</summary>
    Validating = 1,

    /// <summary>Reading a page's text and layout (while the renderer draws it beside).</summary>
    ReadingText = 2,

    /// <summary>Finding the articles on a page.</summary>
    Detecting = 3,

    /// <summary>Rendering a page to a raster image.</summary>
    Rasterising = 4,

    /// <summary>Making a page's reader images (three sizes, JPEG and WebP) and deep-zoom tiles.</summary>
    MakingImages = 5,

    /// <summary>Putting a page's images and PDF into the blob store.</summary>
    Storing = 6,

    /// <summary>Saving the edition to the database, in one transaction.</summary>
    Saving = 7,

    /// <summary>The edition is saved and published.</summary>
    Done = 8,
}

/// <summary>
/// A step of an import, for a progress bar or a live view. <see cref="PageLabel"/> is null for steps that
/// concern the whole edition; <see cref="PagesDone"/> counts pages through the current phase (validation, then processing).
/// </summary>
public readonly record struct ImportProgress(ImportStage Stage, string? PageLabel, int PagesDone, int PageCount);
