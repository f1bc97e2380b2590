using System.Collections.Concurrent;
using DefenderApi.Emulator.Admin;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Investigations;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Scenarios;

/// <summary>
/// Runs scenarios on the emulator's <see cref="TimeProvider"/>: each step is a timer due at its offset from the start,
/// so on the virtual clock an advance of a day plays a day of the scenario, each step at its own instant and in order.
/// Steps run one at a time (across runs), each in its own store scope scoped to the run's tenant and in one
/// transaction; a step that fails writes nothing, marks its run <see cref="ScenarioStatus.Failed"/> and stops it. A
/// reset or a snapshot restore stops the runs of the tenants it replaces and forgets them: their steps would write
/// into a store that no longer holds what they played on.
/// </summary>
internal sealed partial class ScenarioEngine(IServiceScopeFactory scopes, TimeProvider time, ILogger<ScenarioEngine> logger) : IStoreResetObserver, IDisposable
{
    private readonly ConcurrentDictionary<string, ScenarioRun> _runs = new(StringComparer.Ordinal);
    private readonly Lock _steps = new();
    private int _sequence;

    /// <summary>The scenario runs of a tenant, in start order.</summary>
    /// <returns>The runs.</returns>
    public IReadOnlyList<ScenarioRun> List(Guid tenantId) =>
        [.. _runs.Values.Where(r => r.TenantId == tenantId).OrderBy(r => r.StartedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>A run of a tenant.</summary>
    /// <param name="id">The run id.</param>
    /// <returns>The run.</returns>
    /// <exception cref="DefenderErrorException">No such run (404 ResourceNotFound).</exception>
    public ScenarioRun Get(Guid tenantId, string id) =>
        _runs.TryGetValue(id, out var run) && run.TenantId == tenantId ? run : throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Scenario", id));

    /// <summary>Starts a scenario: picks its devices, plans its steps and schedules them; steps due now run before this returns.</summary>
    /// <param name="request">The scenario and its parameters.</param>
    /// <param name="cancellationToken">Cancels the device lookup.</param>
    /// <returns>The run.</returns>
    /// <exception cref="DefenderErrorException">Unknown scenario, bad parameter or too few devices (400 InvalidInput).</exception>
    public async Task<ScenarioRun> StartAsync(Guid tenantId, ScenarioRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = ScenarioLibrary.Find(request.Name)
            ?? throw Invalid(request.Name, "name", $"one of {string.Join(", ", ScenarioLibrary.All.Select(s => s.Name))}");
        var count = request.Devices ?? definition.DefaultDevices;
        if (count is < 1 or > 1_000)
        {
            throw Invalid(count.ToString(System.Globalization.CultureInfo.InvariantCulture), "devices", "an integer from 1 to 1000");
        }

        var hours = request.Hours ?? 24;
        if (hours is < 1 or > 24 * 30)
        {
            throw Invalid(hours.ToString(System.Globalization.CultureInfo.InvariantCulture), "hours", "an integer from 1 to 720");
        }

        var seed = request.Seed ?? 1;
        var devices = await PickDevicesAsync(tenantId, count, seed, cancellationToken);
        if (devices.Count < count)
        {
            throw Invalid(count.ToString(System.Globalization.CultureInfo.InvariantCulture), "devices",
                $"at most the tenant's {devices.Count} active Windows devices");
        }

        var id = $"{definition.Name}-{Interlocked.Increment(ref _sequence)}";
        var steps = definition.Plan(new ScenarioPlan(devices, new Random(seed), hours));
        var run = new ScenarioRun(id, tenantId, definition.Name, seed, devices, time.GetUtcNow(), steps);
        _runs[id] = run;
        var random = new Random(seed);
        foreach (var step in steps.Where(s => s.At > TimeSpan.Zero))
        {
            run.Hold(time.CreateTimer(_ => Execute(run, step, random), null, step.At, Timeout.InfiniteTimeSpan));
        }

        foreach (var step in steps.Where(s => s.At <= TimeSpan.Zero))
        {
            Execute(run, step, random);
        }

        return run;
    }

    /// <summary>Stops a run: its remaining steps never run.</summary>
    /// <param name="id">The run id.</param>
    /// <returns>The run.</returns>
    public ScenarioRun Stop(Guid tenantId, string id)
    {
        var run = Get(tenantId, id);
        lock (_steps)
        {
            if (run.Status == ScenarioStatus.Running)
            {
                run.Status = ScenarioStatus.Stopped;
            }
        }

        run.DisposeTimers();
        return run;
    }

    /// <inheritdoc />
    public void OnStoreReplacing(Guid? tenantId)
    {
        // Under the step lock: a step running now finishes first, and no later step starts.
        lock (_steps)
        {
            foreach (var run in _runs.Values.Where(r => tenantId is null || r.TenantId == tenantId).ToList())
            {
                run.Status = run.Status == ScenarioStatus.Running ? ScenarioStatus.Stopped : run.Status;
                run.DisposeTimers();
                _runs.TryRemove(run.Id, out _);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var run in _runs.Values)
        {
            run.DisposeTimers();
        }
    }

    private void Execute(ScenarioRun run, ScenarioStep step, Random random)
    {
        lock (_steps)
        {
            if (run.Status != ScenarioStatus.Running)
            {
                return;
            }

            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().TenantId = run.TenantId;
                var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
                var context = new ScenarioContext(
                    db, scope.ServiceProvider.GetRequiredService<AlertReferenceService>(),
                    scope.ServiceProvider.GetRequiredService<HuntingTables>(),
                    scope.ServiceProvider.GetRequiredService<Machines.State.MachineStateService>(), run, step.Name, time.GetUtcNow(), random);
                // One transaction per step: its events, alerts, hunting rows, investigations and machine changes commit
                // together (one WAL sync instead of one per save: a step raising an alert saved six times), and a step
                // that fails leaves nothing behind. Its changes are saved once at the end (only creating an alert saves
                // on the way): a save derives the incidents of every changed alert, and the triage step of the
                // false-positive burst, which resolved 400 alerts with a save each, spent a third of a day's CPU in
                // EF Core's change detection over the growing set of tracked alerts. Readers are never blocked by it (WAL); other writers wait for one
                // step at most, never for a whole advance.
                // The write locks a step's writes take go first (an alert starts an investigation), as for requests.
                // What follows from alerts (incidents, the device's risk) is derived once, as the step ends, not on each
                // of its saves: each derivation queried the open incidents and their members (a third of a step).
                // The step's commit does not wait for the disk (synchronous=NORMAL, on this connection for this step): in
                // WAL mode that keeps it through a crash of the process, and the next commit of an API write (FULL, as
                // every request's) syncs the log with it. A power loss may lose the last steps played, never an answered
                // write; and the step holds SQLite's write lock for its work only, not for an fsync (a fifth of a step).
                using (scope.ServiceProvider.GetRequiredService<TenantWriteLocks>().Hold(run.TenantId, InvestigationService.LockScope))
                using (StoreSync.Relaxed(db))
                using (var transaction = db.Database.BeginTransaction())
                {
                    db.DeferDerivedState = true;
                    try
                    {
                        step.Run(context).GetAwaiter().GetResult();
                        context.CompleteAsync().GetAwaiter().GetResult();
                    }
                    finally
                    {
                        db.DeferDerivedState = false;
                    }

                    transaction.Commit();
                }

                context.Publish();
                run.StepDone();
                if (run.StepsDone == run.Steps.Count)
                {
                    run.Status = ScenarioStatus.Completed;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                run.Status = ScenarioStatus.Failed;
                run.Error = $"{step.Name}: {exception.Message}";
                LogStepFailed(logger, exception, run.Id, step.Name);
                run.DisposeTimers();
            }
        }
    }

    // Active, onboarded Windows devices, in an order fixed by the seed.
    private async Task<List<string>> PickDevicesAsync(Guid tenantId, int count, int seed, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().TenantId = tenantId;
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var candidates = await db.Machines()
            .Where(m => m.HealthStatus == MachineHealthStatus.Active && m.OsPlatform.StartsWith("Windows"))
            .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        var random = new Random(seed);
        return [.. candidates.OrderBy(_ => random.Next()).Take(count)];
    }

    private static DefenderErrorException Invalid(string value, string name, string expected) =>
        new(DefenderErrors.InvalidInput($"'{value}' for {name}; expected {expected}"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scenario {RunId} failed in step '{Step}'")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string runId, string step);
}

/// <summary>What a scenario plans with: its devices, its random source and its length.</summary>
/// <param name="Devices">The devices, in the order the scenario uses them.</param>
/// <param name="Random">The seeded random source.</param>
/// <param name="Hours">How long open-ended scenarios (background) run.</param>
internal sealed record ScenarioPlan(IReadOnlyList<string> Devices, Random Random, int Hours);

/// <summary>A named, parameterized scenario.</summary>
internal interface IScenarioDefinition
{
    /// <summary>The name, e.g. <c>ransomware</c>.</summary>
    string Name { get; }

    /// <summary>What it plays, in one sentence.</summary>
    string Description { get; }

    /// <summary>How many devices it plays on unless told.</summary>
    int DefaultDevices { get; }

    /// <summary>The steps.</summary>
    /// <param name="plan">Devices, random source, length.</param>
    /// <returns>The steps, by offset.</returns>
    IReadOnlyList<ScenarioStep> Plan(ScenarioPlan plan);
}

/// <summary>The body of <c>POST /_emulator/tenants/{id}/scenarios</c>.</summary>
internal sealed record ScenarioRequest
{
    /// <summary>The scenario's name.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>How many devices (default: the scenario's).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("devices")]
    public int? Devices { get; init; }

    /// <summary>The seed of its random choices (default 1).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("seed")]
    public int? Seed { get; init; }

    /// <summary>How long the background scenario runs, in hours (default 24).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("hours")]
    public int? Hours { get; init; }
}
