using System.Xml;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Throttling;
using Microsoft.OData.Edm.Csdl;

namespace DefenderApi.Emulator.OData;

/// <summary>Serves the EDM model as CSDL at <c>GET /api/$metadata</c> (the target of every <c>@odata.context</c>).</summary>
internal static class ODataMetadataEndpoint
{
    /// <summary>Maps <c>/api/$metadata</c>; any valid token may read it.</summary>
    public static RouteHandlerBuilder MapODataMetadata(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/$metadata", WriteMetadata).WithSummary("Get the OData service metadata").WithDescription("The entity data model (CSDL) every @odata.context points at.").WithoutRateLimit("the OData service document is not an API of the reference pages").Produces<string>(StatusCodes.Status200OK, "application/xml").WithName("OData_GetMetadata").WithTags("OData").RequireAuthorization();

    private static async Task WriteMetadata(HttpContext context, EmulatorEdmModel edm)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = false, Indent = true }))
        {
            if (!CsdlWriter.TryWriteCsdl(edm.Model, writer, CsdlTarget.OData, out var errors))
            {
                throw new InvalidOperationException($"The EDM model is invalid: {string.Join("; ", errors)}");
            }
        }

        context.Response.ContentType = "application/xml; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }
}
