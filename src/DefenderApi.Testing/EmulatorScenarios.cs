using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenderApi.Testing;

/// <summary>The emulator's scenarios (<c>/_emulator/tenants/{id}/scenarios</c>, docs/scenarios.md), typed.</summary>
public sealed class EmulatorScenarios
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly HttpClient _http;

    internal EmulatorScenarios(HttpClient http) => _http = http;

    /// <summary>Starts a scenario; its steps due now have run when this returns, the others run as the clock reaches them.</summary>
    /// <param name="name">The scenario, e.g. <c>ransomware</c>, <c>phishing</c>, <c>commodity-malware</c>, <c>false-positive-burst</c>, <c>device-inactive</c>, <c>background</c>.</param>
    /// <param name="devices">How many devices, or null for the scenario's default.</param>
    /// <param name="seed">The seed of its random choices, or null for 1.</param>
    /// <param name="hours">How long the background scenario runs, or null for 24.</param>
    /// <param name="tenantId">The tenant, or null for the default tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    public async Task<ScenarioRunInfo> StartAsync(
        string name, int? devices = null, int? seed = null, int? hours = null, Guid? tenantId = null, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync(Path(tenantId), new { name, devices, seed, hours }, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<ScenarioRunInfo>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A run, with its timeline so far.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="tenantId">The tenant, or null for the default tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    public async Task<ScenarioRunInfo> GetAsync(string runId, Guid? tenantId = null, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri($"{Path(tenantId)}/{Uri.EscapeDataString(runId)}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<ScenarioRunInfo>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every run of a tenant.</summary>
    /// <param name="tenantId">The tenant, or null for the default tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs, in start order.</returns>
    public async Task<IReadOnlyList<ScenarioRunInfo>> ListAsync(Guid? tenantId = null, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri(Path(tenantId), UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<ScenarioRunInfo[]>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops a run: its remaining steps never run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="tenantId">The tenant, or null for the default tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    public async Task<ScenarioRunInfo> StopAsync(string runId, Guid? tenantId = null, CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync(new Uri($"{Path(tenantId)}/{Uri.EscapeDataString(runId)}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<ScenarioRunInfo>(response, cancellationToken).ConfigureAwait(false);
    }

    private static string Path(Guid? tenantId) => $"/_emulator/tenants/{tenantId ?? DefenderEmulator.DefaultTenantId}/scenarios";

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? JsonSerializer.Deserialize<T>(body, Json)!
            : throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
    }
}

/// <summary>A scenario run.</summary>
/// <param name="Id">The run id, e.g. <c>ransomware-1</c>.</param>
/// <param name="Name">The scenario.</param>
/// <param name="Status"><c>Running</c>, <c>Completed</c>, <c>Stopped</c> or <c>Failed</c>.</param>
/// <param name="Devices">The devices it plays on.</param>
/// <param name="StepsDone">How many steps ran.</param>
/// <param name="Timeline">What it did so far, in order.</param>
public sealed record ScenarioRunInfo(string Id, string Name, string Status, IReadOnlyList<string> Devices, int StepsDone, IReadOnlyList<ScenarioTimelineEntry> Timeline)
{
    /// <summary>The alerts it raised, in order.</summary>
    public IReadOnlyList<string> AlertIds => [.. Timeline.Where(e => e.Kind == "Alert" && e.AlertId is not null).Select(e => e.AlertId!).Distinct(StringComparer.Ordinal)];
}

/// <summary>One thing a scenario step did.</summary>
/// <param name="At">When.</param>
/// <param name="Step">The step.</param>
/// <param name="Kind">An event table's name, <c>Alert</c>, <c>AlertUpdated</c> or <c>Machine</c>.</param>
/// <param name="MachineId">The device, if any.</param>
/// <param name="AlertId">The alert, if any.</param>
/// <param name="Text">A description.</param>
public sealed record ScenarioTimelineEntry(DateTimeOffset At, string Step, string Kind, string? MachineId, string? AlertId, string Text);
