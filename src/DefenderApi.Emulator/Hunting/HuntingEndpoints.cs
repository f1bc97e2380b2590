using System.Globalization;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Hunting;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Emulator.Hunting;

/// <summary>
/// Advanced hunting: MDE <c>POST /api/advancedqueries/run</c> (<see href="https://learn.microsoft.com/defender-endpoint/api/run-advanced-query-api">Advanced Hunting API</see>) and Defender XDR
/// <c>POST /api/advancedhunting/run</c> (<see href="https://learn.microsoft.com/defender-xdr/api-advanced-hunting">Microsoft Defender XDR advanced hunting API</see>). Both answer the QueryResponse.
/// </summary>
internal static class HuntingEndpoints
{
    /// <summary>Maps both run endpoints with their documented permissions and rate limits.</summary>
    public static IEndpointRouteBuilder MapHunting(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/advancedqueries")
            .WithTags("Advanced hunting")
            .RequirePermissions(["AdvancedQuery.Read.All"], ["AdvancedQuery.Read"])
            .WithRateLimit(new ApiRateLimit("advancedqueries.run", PerMinute: 45, PerHour: 1500))
            .RequireFeature(TenantFeatures.AdvancedHunting)
            .MapPost("/run", RunMdeAsync).WithSummary("Advanced Hunting API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/run-advanced-query-api").Produces<HuntingQueryResponse>().WithName("AdvancedQueries_Run");

        app.MapGroup("/api/advancedhunting")
            .WithTags("Advanced hunting")
            .RequirePermissions(["AdvancedHunting.Read.All"], ["AdvancedHunting.Read"])
            .WithRateLimit(new ApiRateLimit("advancedhunting.run", PerMinute: 45, PerHour: null))
            .RequireFeature(TenantFeatures.AdvancedHunting)
            .MapPost("/run", RunXdrAsync).WithSummary("Microsoft Defender XDR advanced hunting API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-xdr/api-advanced-hunting").Produces<HuntingQueryResponse>().WithName("AdvancedHunting_Run");
        return app;
    }

    // The MDE endpoint knows only the device and alert tables; an XDR table there is an unknown table like any other.
    private static Task<IResult> RunMdeAsync(
        JsonBody<RunQueryRequest> body, TenantContext tenant, HuntingService hunting, HuntingTables tables, DatabaseLocation database,
        EmulatorDbContext db, HttpContext context) =>
        RunAsync(body, tenant, hunting, tables, database, db, context, HuntingSchema.Default);

    private static Task<IResult> RunXdrAsync(
        JsonBody<RunQueryRequest> body, TenantContext tenant, HuntingService hunting, HuntingTables tables, DatabaseLocation database,
        EmulatorDbContext db, HttpContext context) =>
        RunAsync(body, tenant, hunting, tables, database, db, context, HuntingSchema.Xdr);

    private static async Task<IResult> RunAsync(
        JsonBody<RunQueryRequest> body, TenantContext tenant, HuntingService hunting, HuntingTables tables, DatabaseLocation database,
        EmulatorDbContext db, HttpContext context, HuntingSchema schema)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(context.RequestAborted);
        tables.EnsureCreated(connection);
        if (body.Value.Query is { } text && HuntingVulnerabilityTables.Reads(text))
        {
            await HuntingVulnerabilityTables.FillAsync(connection, db, tenant.TenantId!.Value.ToString(), context.RequestAborted);
        }

        var outcome = hunting.Run(connection, tenant.TenantId!.Value.ToString(), body.Value.Query, schema, context.RequestAborted);
        if (outcome.Refusal is { } refusal)
        {
            context.Response.Headers.RetryAfter = ((int)refusal.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return refusal.Error.ToResult();
        }

        return new HuntingResponse(outcome.Result!);
    }
}

/// <summary>The run body: <c>{"Query":"…"}</c>, <c>Query</c> required and case-sensitive.</summary>
internal sealed record RunQueryRequest
{
    /// <summary>The KQL query.</summary>
    public required string Query { get; init; }
}
