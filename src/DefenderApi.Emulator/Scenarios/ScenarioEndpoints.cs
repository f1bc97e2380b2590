using System.Text.Json.Serialization;
using DefenderApi.Emulator.Admin;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DefenderApi.Emulator.Scenarios;

/// <summary>
/// <c>/_emulator/scenarios</c> (the catalogue) and <c>/_emulator/tenants/{id}/scenarios</c>: start, list, inspect
/// and stop scenario runs (docs/scenarios.md).
/// </summary>
internal static class ScenarioEndpoints
{
    /// <summary>Registers the scenario engine.</summary>
    public static WebApplicationBuilder AddScenarios(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ScenarioEngine>();
        builder.Services.AddSingleton<IStoreResetObserver>(services => services.GetRequiredService<ScenarioEngine>());
        return builder;
    }

    /// <summary>Maps the scenario calls on the admin group.</summary>
    public static RouteGroupBuilder MapScenarioAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/scenarios", Catalogue);
        admin.MapPost("/tenants/{tenantId}/scenarios", Start).Accepts<ScenarioRequest>("application/json");
        admin.MapGet("/tenants/{tenantId}/scenarios", List);
        admin.MapGet("/tenants/{tenantId}/scenarios/{id}", Get);
        admin.MapDelete("/tenants/{tenantId}/scenarios/{id}", Stop);
        return admin;
    }

    private static Ok<ScenarioInfo[]> Catalogue() =>
        TypedResults.Ok(ScenarioLibrary.All.Select(s => new ScenarioInfo(s.Name, s.Description, s.DefaultDevices)).ToArray());

    private static async Task<Created<ScenarioView>> Start(
        string tenantId, JsonBody<ScenarioRequest> body, TenantDirectory tenants, TenantContext context, ScenarioEngine engine, CancellationToken cancellationToken)
    {
        var id = AdminTenant.Enter(tenantId, tenants, context);
        var run = await engine.StartAsync(id, body.Value, cancellationToken);
        return TypedResults.Created($"/_emulator/tenants/{id}/scenarios/{run.Id}", ScenarioView.Of(run));
    }

    private static Ok<ScenarioView[]> List(string tenantId, TenantDirectory tenants, TenantContext context, ScenarioEngine engine) =>
        TypedResults.Ok(engine.List(AdminTenant.Enter(tenantId, tenants, context)).Select(ScenarioView.Of).ToArray());

    private static Ok<ScenarioView> Get(string tenantId, string id, TenantDirectory tenants, TenantContext context, ScenarioEngine engine) =>
        TypedResults.Ok(ScenarioView.Of(engine.Get(AdminTenant.Enter(tenantId, tenants, context), id)));

    private static Ok<ScenarioView> Stop(string tenantId, string id, TenantDirectory tenants, TenantContext context, ScenarioEngine engine) =>
        TypedResults.Ok(ScenarioView.Of(engine.Stop(AdminTenant.Enter(tenantId, tenants, context), id)));
}

/// <summary>A scenario of the catalogue.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it plays.</param>
/// <param name="DefaultDevices">Its devices unless told.</param>
internal sealed record ScenarioInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("defaultDevices")] int DefaultDevices);

/// <summary>A planned step.</summary>
/// <param name="At">When it is due.</param>
/// <param name="Name">What it does.</param>
internal sealed record ScenarioStepView([property: JsonPropertyName("at")] DateTimeOffset At, [property: JsonPropertyName("name")] string Name);

/// <summary>A scenario run as the admin API shows it.</summary>
/// <param name="Id">The run id.</param>
/// <param name="Name">The scenario.</param>
/// <param name="Status">Running, Completed, Stopped or Failed.</param>
/// <param name="Seed">Its seed.</param>
/// <param name="Devices">Its devices.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="StepsDone">Steps run so far.</param>
/// <param name="Steps">The plan.</param>
/// <param name="Timeline">What happened so far.</param>
/// <param name="Error">Why it failed, if it did.</param>
internal sealed record ScenarioView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] ScenarioStatus Status,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("devices")] IReadOnlyList<string> Devices,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("stepsDone")] int StepsDone,
    [property: JsonPropertyName("steps")] IReadOnlyList<ScenarioStepView> Steps,
    [property: JsonPropertyName("timeline")] IReadOnlyList<ScenarioEvent> Timeline,
    [property: JsonPropertyName("error")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
{
    /// <summary>The view of a run.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The view.</returns>
    public static ScenarioView Of(ScenarioRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Name, run.Status, run.Seed, run.Devices, run.StartedAt, run.StepsDone,
            [.. run.Steps.Select(s => new ScenarioStepView(run.StartedAt + s.At, s.Name))], run.Timeline, run.Error);
    }
}
