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

/// <summary>A page label (01, A01 …) in any case: 1 to 8 ASCII letters or digits.</summary>
internal sealed class PageLabelRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string label
        && label.Length is > 0 and <= 8 && label.All(char.IsAsciiLetterOrDigit);
}
