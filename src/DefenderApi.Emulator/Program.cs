using DefenderApi.Emulator.Admin;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Cli;
using DefenderApi.Emulator.Clock;
using DefenderApi.Emulator.DeviceHealth;
using DefenderApi.Emulator.Domains;
using DefenderApi.Emulator.DropIn;
using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Faults;
using DefenderApi.Emulator.Files;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Incidents;
using DefenderApi.Emulator.Indicators;
using DefenderApi.Emulator.Investigations;
using DefenderApi.Emulator.Ips;
using DefenderApi.Emulator.Library;
using DefenderApi.Emulator.LiveResponse;
using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Scenarios;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Emulator.Users;
using DefenderApi.Emulator.Vulnerabilities;

if (EmulatorCommandLine.IsToolCommand(args))
{
    return await EmulatorCommandLine.RunAsync(args);
}

StartupJitProfile.Start();
var builder = WebApplication.CreateBuilder(CommandLineArguments.Normalize(args));

builder.AddEmulatorHost();
// Memory goes back to the OS when the emulator goes quiet after a burst (also in the testing kit's host, where it is rare and harmless).
builder.Services.AddHostedService(_ => new IdleMemoryTrimmer(TimeProvider.System));
builder.AddDropIn();
builder.AddClock();
builder.AddPersistence();
builder.AddEmulatorAuth();
builder.AddThrottling();
builder.AddFaultInjection();
builder.AddAdminControls();
builder.AddMachines();
builder.AddIndicators();
builder.AddAlerts();
builder.AddIncidents();
builder.AddInvestigations();
builder.AddVulnerabilityManagement();
builder.AddDeviceHealth();
builder.AddMachineActions();
builder.AddLibrary();
builder.AddHunting();
builder.AddScenarios();

var app = builder.Build();

app.UseDropIn();
app.UseEmulatorPipeline();
app.UseAuthentication();
app.UseTenantFromToken();
app.UseFaultInjection();
app.UseStoreGate();
app.UseAuthorization();
app.UseRateLimits();

var endpoints = app.MapEndpointsAnsweringErrors();
endpoints.MapAdmin().MapAdminControls();
endpoints.MapTokenService();
endpoints.MapODataMetadata();
endpoints.MapMachines();
endpoints.MapIndicators();
endpoints.MapAlerts();
endpoints.MapIncidents();
endpoints.MapFiles();
endpoints.MapIps();
endpoints.MapDomains();
endpoints.MapUsers();
endpoints.MapInvestigations();
endpoints.MapVulnerabilityManagement();
endpoints.MapDeviceHealth();
endpoints.MapMachineActionsFeature();
endpoints.MapLiveResponse();
endpoints.MapLibrary();
endpoints.MapHunting();

await app.RunAsync();
return 0;

/// <summary>The emulator entry point (public for WebApplicationFactory).</summary>
public partial class Program;
