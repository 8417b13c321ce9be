using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Reader;

/// <summary>A publication slug: lowercase letters, digits and hyphens.</summary>
internal sealed class SlugRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && Publication.IsValidSlug(slug);
}

/// <summary>An edition date as yyyy-MM-dd.</summary>
internal sealed class IsoDateRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string text && TryParse(text, out _);

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>
/// An edition of a day as the reader names it: its date (<c>2026-11-02</c>, the day's first edition) or
/// <c>{date}_{n}</c> for a later one (<c>2026-11-02_2</c>), as IIIF and the static export name it.
/// </summary>
internal sealed class EditionRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string text && TryParse(text, out _, out _);

    public static bool TryParse(string text, out DateOnly date, out int number) =>
        Published.ReaderUrls.TryParseSegment(text, out date, out number);
}

/// <summary>A page label (01, A01 …) in any case: 1 to 8 ASCII letters or digits.</summary>
internal sealed class PageLabelRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string label
        && label.Length is > 0 and <= 8 && label.All(char.IsAsciiLetterOrDigit);
}

/// <summary>A calendar year as four digits.</summary>
internal sealed class YearRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string text
        && text.Length == 4 && text.All(char.IsAsciiDigit) && text[0] != '0';
}

/// <summary>A month as two digits, 01 to 12.</summary>
internal sealed class MonthRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string text
        && text.Length == 2 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is >= 1 and <= 12;
}

/// <summary>Two page labels joined by a hyphen, the URL segment of a spread: <c>02-03</c>.</summary>
internal sealed class SpreadRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string text
        && text.Split('-') is [var left, var right]
        && IsLabel(left) && IsLabel(right);

    private static bool IsLabel(string label) => label.Length is > 0 and <= 8 && label.All(char.IsAsciiLetterOrDigit);
}
