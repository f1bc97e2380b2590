using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.Scenarios;

/// <summary>One step of a scenario's plan: when (after the start) and what.</summary>
/// <param name="At">The offset from the scenario's start.</param>
/// <param name="Name">What happens, e.g. <c>encrypt files on wks-00012</c>.</param>
/// <param name="Run">The step's work.</param>
internal sealed record ScenarioStep(TimeSpan At, string Name, Func<ScenarioContext, Task> Run);

/// <summary>Something a step did, as the timeline shows it.</summary>
/// <param name="At">When.</param>
/// <param name="Step">The step's name.</param>
/// <param name="Kind">What: an event table's name (<c>DeviceProcessEvents</c>), <c>Alert</c>, <c>AlertUpdated</c>, <c>Machine</c>.</param>
/// <param name="MachineId">The device, if any.</param>
/// <param name="AlertId">The alert raised or changed, if any.</param>
/// <param name="Text">A description.</param>
internal sealed record ScenarioEvent(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("machineId")] string? MachineId,
    [property: JsonPropertyName("alertId")] string? AlertId,
    [property: JsonPropertyName("text")] string Text);

/// <summary>The state of a scenario run.</summary>
internal enum ScenarioStatus
{
    /// <summary>Steps are still due.</summary>
    Running,

    /// <summary>Every step ran.</summary>
    Completed,

    /// <summary>Stopped before its last step.</summary>
    Stopped,

    /// <summary>A step failed; the error says why.</summary>
    Failed,
}

/// <summary>A started scenario: its plan, what has happened so far, and its timers.</summary>
internal sealed class ScenarioRun
{
    private readonly List<ScenarioEvent> _timeline = [];
    private readonly List<ITimer> _timers = [];
    private int _done;

    internal ScenarioRun(string id, Guid tenantId, string name, int seed, IReadOnlyList<string> devices, DateTimeOffset startedAt, IReadOnlyList<ScenarioStep> steps)
    {
        Id = id;
        TenantId = tenantId;
        Name = name;
        Seed = seed;
        Devices = devices;
        StartedAt = startedAt;
        Steps = steps;
    }

    /// <summary>The run's id, e.g. <c>ransomware-1</c>.</summary>
    public string Id { get; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; }

    /// <summary>The scenario's name.</summary>
    public string Name { get; }

    /// <summary>The seed its random choices come from.</summary>
    public int Seed { get; }

    /// <summary>The devices it plays on.</summary>
    public IReadOnlyList<string> Devices { get; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The plan.</summary>
    public IReadOnlyList<ScenarioStep> Steps { get; }

    /// <summary>The state.</summary>
    public ScenarioStatus Status { get; internal set; } = ScenarioStatus.Running;

    /// <summary>Why it failed, if it did.</summary>
    public string? Error { get; internal set; }

    /// <summary>How many steps ran.</summary>
    public int StepsDone => Volatile.Read(ref _done);

    /// <summary>What happened so far, in order.</summary>
    public IReadOnlyList<ScenarioEvent> Timeline
    {
        get
        {
            lock (_timeline)
            {
                return [.. _timeline];
            }
        }
    }

    internal void Record(ScenarioEvent entry)
    {
        lock (_timeline)
        {
            _timeline.Add(entry);
        }
    }

    internal void StepDone() => Interlocked.Increment(ref _done);

    internal void Hold(ITimer timer)
    {
        lock (_timers)
        {
            _timers.Add(timer);
        }
    }

    internal void DisposeTimers()
    {
        lock (_timers)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }
}
