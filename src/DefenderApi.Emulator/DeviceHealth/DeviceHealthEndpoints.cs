using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;

namespace DefenderApi.Emulator.DeviceHealth;

/// <summary><c>GET /api/deviceavinfo</c>: device antivirus health, JSON response mode (the device health pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class DeviceHealthEndpoints
{
    /// <summary>
    /// The page's filter list: <c>rbacGroupName</c> and <c>id</c> are explicitly not filterable. Default page size
    /// 20 with <c>@odata.nextLink</c>; the page states a maximum page size of 200,000.
    /// </summary>
    internal static readonly ODataCollectionPolicy<DeviceAvInfo> Policy = new()
    {
        EntitySet = "DeviceAvInfo",
        FilterProperties = ODataPolicy.Properties(
            "machineId", "computerDnsName", "osKind", "osPlatform", "osVersion", "avMode", "avSignatureVersion", "avEngineVersion",
            "avPlatformVersion", "quickScanResult", "quickScanError", "fullScanResult", "fullScanError", "avIsSignatureUpToDate",
            "avIsEngineUpToDate", "avIsPlatformUpToDate", "rbacGroupId"),
        PageSize = 20,
        MaxTop = 200_000,
        StableOrder = d => d.Id,
    };

    /// <summary>Registers the entity set and the demo data.</summary>
    public static WebApplicationBuilder AddDeviceHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddODataEntitySet<DeviceAvInfo>(Policy.EntitySet);
        builder.Services.AddSingleton<ITenantSeeder, DeviceHealthDemoSeeder>();
        builder.Services.AddSingleton<IDataCollectionLoader>(new EntityDataLoader<DeviceAvInfo>("deviceavinfo", d => d.Id, (info, _) =>
            string.IsNullOrWhiteSpace(info.MachineId) ? "machineId is missing" : null));
        return builder;
    }

    /// <summary>Maps the device health calls (JSON and files).</summary>
    public static RouteHandlerBuilder MapDeviceHealth(this IEndpointRouteBuilder app)
    {
        app.MapAvHealthExport();
        return app.MapGet("/api/deviceavinfo", List).WithSummary("Microsoft Defender Antivirus Device Health export device antivirus health reporting").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/device-health-export-antivirus-health-report-api").ListsOData(Policy).WithTags("DeviceHealth")
            .RequirePermissions(["Machine.Read.All"], ["Machine.Read"])
            .RequireFeature(TenantFeatures.DeviceHealthReporting)
            .WithRateLimit(new ApiRateLimit("deviceavinfo", 30, 1000));
    }

    private static Task<IResult> List(HttpContext context, EmulatorDbContext db, ODataCollectionQuery odata, CancellationToken cancellationToken) =>
        odata.ListAsync(context, db.Set<DeviceAvInfo>(), Policy, cancellationToken);
}
