using DefenderApi.Emulator.Admin;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.DeviceHealth;
using DefenderApi.Emulator.Domains;
using DefenderApi.Emulator.Files;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Indicators;
using DefenderApi.Emulator.Investigations;
using DefenderApi.Emulator.Ips;
using DefenderApi.Emulator.Library;
using DefenderApi.Emulator.LiveResponse;
using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Users;
using DefenderApi.Emulator.Vulnerabilities;

var builder = WebApplication.CreateBuilder(CommandLineArguments.Normalize(args));

builder.AddEmulatorHost();
builder.AddPersistence();
builder.AddEmulatorAuth();
builder.AddMachines();
builder.AddIndicators();
builder.AddAlerts();
builder.AddInvestigations();
builder.AddVulnerabilityManagement();
builder.AddDeviceHealth();
builder.AddMachineActions();
builder.AddLibrary();

var app = builder.Build();

app.UseEmulatorPipeline();
app.UseAuthentication();
app.UseTenantFromToken();
app.UseAuthorization();

app.MapAdmin();
app.MapTokenService();
app.MapODataMetadata();
app.MapMachines();
app.MapIndicators();
app.MapAlerts();
app.MapFiles();
app.MapIps();
app.MapDomains();
app.MapUsers();
app.MapInvestigations();
app.MapVulnerabilityManagement();
app.MapDeviceHealth();
app.MapMachineActionsFeature();
app.MapLiveResponse();
app.MapLibrary();

app.Run();

/// <summary>The emulator entry point (public for WebApplicationFactory).</summary>
public partial class Program;
