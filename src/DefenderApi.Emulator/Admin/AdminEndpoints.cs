using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Journal;
using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.Scenarios;
using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DefenderApi.Emulator.Admin;

/// <summary>The admin API root (<c>/_emulator</c>, see docs/admin.md): health, info and the journal.</summary>
internal static class AdminEndpoints
{
    /// <summary>
    /// Maps the admin group; features add their own admin calls to the returned group. Health answers every
    /// caller (<see cref="AdminAccessFilter.AnyCaller"/>): container and load-balancer health checks come from outside
    /// loopback and carry no key.
    /// </summary>
    /// <returns>The <c>/_emulator</c> group, with admin access applied.</returns>
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_emulator").WithTags("Admin").AddEndpointFilter<AdminAccessFilter>();
        group.MapGet("/health", Health).WithMetadata(AdminAccessFilter.AnyCaller);
        group.MapGet("/info", Info);
        group.MapJournal();
        group.MapAppAdmin();
        group.MapTenantAdmin();
        group.MapUserAdmin();
        group.MapDataAdmin();
        group.MapMachineActionAdmin();
        group.MapScenarioAdmin();
        return group;
    }

    private static IResult Health(EmulatorReadiness readiness) => readiness.IsReady
        ? TypedResults.Ok(new HealthStatus("ready"))
        : TypedResults.Json(new HealthStatus(readiness.WhenReady.IsFaulted ? "failed" : "starting"), statusCode: StatusCodes.Status503ServiceUnavailable);

    private static Ok<EmulatorInfo> Info(HttpContext context) =>
        TypedResults.Ok(EmulatorInfo.For(context.Request) with { ProxyUrl = DropIn.DropInExtensions.ProxyUrl(context) });
}

/// <summary>The health answer.</summary>
/// <param name="Status"><c>ready</c>, <c>starting</c> or <c>failed</c>.</param>
internal sealed record HealthStatus(string Status);

/// <summary>
/// What <c>GET /_emulator/info</c> returns: the default tenant and app, where to call, and the URL to put in
/// <c>HTTPS_PROXY</c> so unchanged clients that call Microsoft's hosts reach the emulator.
/// </summary>
internal sealed record EmulatorInfo(string TenantId, string ClientId, string ClientSecret, string ApiBaseUrl, string TokenEndpoint)
{
    /// <summary>The intercepting proxy's URL (the plain-HTTP address), or <see langword="null"/> without one.</summary>
    public string? ProxyUrl { get; init; }

    /// <summary>The emulator's version (the one version of every DefenderApi package; <c>--version</c> prints it too).</summary>
    public string Version { get; init; } = EmulatorVersion.Current;

    /// <summary>Builds the info for the address the caller used.</summary>
    /// <returns>The info.</returns>
    public static EmulatorInfo For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return For($"{request.Scheme}://{request.Host}");
    }

    /// <summary>Builds the info for a base address.</summary>
    /// <param name="root">The emulator's root URL, e.g. <c>http://127.0.0.1:5310</c>.</param>
    /// <returns>The info.</returns>
    public static EmulatorInfo For(string root) => new(
        DefaultTenant.TenantId.ToString(),
        DefaultTenant.ClientId,
        DefaultTenant.ClientSecret,
        $"{root}/api",
        $"{root}/{DefaultTenant.TenantId}/oauth2/v2.0/token");
}
