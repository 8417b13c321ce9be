namespace Broadsheet.Web.Media;

/// <summary>
/// Which blob keys may be asked for over HTTP: relative paths of plain segments, nothing that climbs out.
/// Commas are allowed for IIIF tile paths (<c>…/tiles/0,512,512,512/512,512/0/default.jpg</c>).
/// </summary>
internal static class MediaKey
{
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 400
        && key[0] != '/' && key[^1] != '/'
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or ',')
        && key.Split('/').All(segment => segment.Length > 0 && segment[0] != '.');
}
