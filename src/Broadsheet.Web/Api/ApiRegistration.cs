using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Web.Api;

internal static class ApiRegistration
{
    public const string Prefix = "/api";

    /// <summary>JSON as API clients expect it: camelCase, enums as camelCase names, Chinese text as is.</summary>
    public static IServiceCollection AddBroadsheetApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddApiDocument();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBroadsheetApi(this IEndpointRouteBuilder app)
    {
        app.MapEditionsApi();
        app.MapApiDocument();
        // Anything else under /api is a JSON 404, not the reader's HTML page. A RequestDelegate: the request delegate
        // generator drops MapFallback's pattern (dotnet/aspnetcore#65992), and this would become a second catch-all.
        app.MapFallback(Prefix + "/{**path}", static context => TypedResults.Problem(
            "There is no such API endpoint; the API document is at " + ApiDocument.DocumentUrl + ".", statusCode: StatusCodes.Status404NotFound, title: "Not found")
            .ExecuteAsync(context))
            .ExcludeFromDescription();
        return app;
    }
}
