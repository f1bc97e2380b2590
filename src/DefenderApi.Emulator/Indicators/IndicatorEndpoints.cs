using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DefenderApi.Emulator.Indicators;

/// <summary>The <c>/api/indicators</c> endpoints (<see href="https://learn.microsoft.com/defender-endpoint/api/post-ti-indicator">Submit or Update Indicator API</see>, <see href="https://learn.microsoft.com/defender-endpoint/api/import-ti-indicators">Import Indicators API</see>, ...).</summary>
internal static class IndicatorEndpoints
{
    private static readonly string[] ReadWrite = ["Ti.ReadWrite", IndicatorCaller.AllIndicatorsRole];

    /// <summary>Registers the indicator services and options.</summary>
    public static WebApplicationBuilder AddIndicators(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IndicatorOptions>()
            .BindConfiguration(IndicatorOptions.Section)
            .Validate(o => o.MaxActivePerTenant > 0, "Emulator:Indicators:MaxActivePerTenant must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<IndicatorService>();
        builder.Services.AddScoped<IndicatorExposure>();
        builder.Services.AddSingleton<ITenantSeeder, IndicatorDemoSeeder>();
        builder.Services.AddODataEntitySet<Indicator>(IndicatorPolicies.EntitySet);
        builder.Services.AddSingleton<IDataCollectionLoader>(new EntityDataLoader<Indicator>("indicators", i => i.Id, PrepareLoaded, IndicatorService.WriteScope));
        return builder;
    }

    /// <summary>Maps the indicator endpoints.</summary>
    public static RouteGroupBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Indicators");
        group.MapGet("/", List).WithSummary("List Indicators API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-ti-indicators-collection").ListsOData(IndicatorPolicies.List)
            .RequirePermissions(ReadWrite, ["Ti.ReadWrite"])
            .WithRateLimit(ApiRateLimit.Default("indicators.list"));
        group.MapPost("/", Submit).WithSummary("Submit or Update Indicator API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/post-ti-indicator").Produces<Indicator>()
            .RequirePermissions(ReadWrite, ["Ti.ReadWrite"])
            .RequireFeature(TenantFeatures.CustomIndicators)
            .WithRateLimit(ApiRateLimit.Default("indicators.submit"));
        group.MapPost("/import", Import).WithSummary("Import Indicators API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/import-ti-indicators").Produces<ImportResultCollection>()
            .RequirePermissions(ReadWrite, ["Ti.ReadWrite"])
            .RequireFeature(TenantFeatures.CustomIndicators)
            .WithRateLimit(new ApiRateLimit("indicators.import", 30, null));
        group.MapDelete("/{id}", Delete).WithSummary("Delete Indicator API.").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/delete-ti-indicator-by-id").Produces(StatusCodes.Status204NoContent)
            .RequirePermissions(ReadWrite, ["Ti.ReadWrite"])
            .WithRateLimit(ApiRateLimit.Default("indicators.delete"));
        group.MapPost("/BatchDelete", BatchDelete).WithSummary("Batch Delete Indicators API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/batch-delete-ti-indicators").Produces(StatusCodes.Status204NoContent)
            .RequirePermissions(ReadWrite, ["Ti.ReadWrite"])
            .WithRateLimit(new ApiRateLimit("indicators.batchDelete", 30, 1500));
        return group;
    }

    // A loaded indicator keeps its id (digits) and belongs to the application named in createdBy.
    private static string? PrepareLoaded(Indicator indicator, Guid tenantId)
    {
        if (!indicator.Id.All(char.IsAsciiDigit))
        {
            return $"id '{indicator.Id}' is not a number";
        }

        try
        {
            indicator.IndicatorValue = IndicatorValueRules.Normalise(indicator.IndicatorType, indicator.IndicatorValue);
        }
        catch (DefenderApi.Errors.DefenderErrorException exception)
        {
            return exception.Error.Message;
        }

        indicator.CreatedByApp = indicator.CreatedBy;
        return null;
    }

    private static Task<IResult> List(HttpContext context, IndicatorService indicators, ODataCollectionQuery odata, CancellationToken cancellationToken) =>
        odata.ListAsync(context, indicators.Active(IndicatorCaller.From(context.User)), IndicatorPolicies.List, cancellationToken);

    private static async Task<Ok<Indicator>> Submit(
        JsonBody<SubmitIndicatorRequest> body, HttpContext context, IndicatorService indicators, CancellationToken cancellationToken) =>
        TypedResults.Ok(await indicators.SubmitAsync(body.Value, IndicatorCaller.From(context.User), cancellationToken));

    private static async Task<Ok<ImportResultCollection>> Import(
        JsonBody<ImportIndicatorsRequest> body, HttpContext context, IndicatorService indicators, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ImportResultCollection(await indicators.ImportAsync(body.Value.Indicators, IndicatorCaller.From(context.User), cancellationToken)));

    private static async Task<NoContent> Delete(string id, HttpContext context, IndicatorService indicators, CancellationToken cancellationToken)
    {
        await indicators.DeleteAsync(id, IndicatorCaller.From(context.User), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> BatchDelete(
        JsonBody<BatchDeleteIndicatorsRequest> body, HttpContext context, IndicatorService indicators, CancellationToken cancellationToken)
    {
        await indicators.BatchDeleteAsync(body.Value.IndicatorIds, IndicatorCaller.From(context.User), cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>The answer of an import: <c>{"value": [...]}</c>.</summary>
/// <param name="Value">One result per item.</param>
internal sealed record ImportResultCollection(IReadOnlyList<IndicatorImportResult> Value);
