using DefenderApi.Emulator.Admin;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Library;
using DefenderApi.Emulator.LiveResponse;
using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Persistence;

var builder = WebApplication.CreateBuilder(CommandLineArguments.Normalize(args));

builder.AddEmulatorHost();
builder.AddPersistence();
builder.AddEmulatorAuth();
builder.AddMachines();
builder.AddMachineActions();
builder.AddLibrary();
builder.AddHunting();

var app = builder.Build();

app.UseEmulatorPipeline();
app.UseAuthentication();
app.UseTenantFromToken();
app.UseAuthorization();

app.MapAdmin();
app.MapTokenService();
app.MapODataMetadata();
app.MapMachines();
app.MapMachineActionsFeature();
app.MapLiveResponse();
app.MapLibrary();
app.MapHunting();

app.Run();

/// <summary>The emulator entry point (public for WebApplicationFactory).</summary>
public partial class Program;
