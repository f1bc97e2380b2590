using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DefenderApi.Testing;

/// <summary>The emulator's admin API (<c>/_emulator</c>, see docs/admin.md), typed.</summary>
public sealed class EmulatorAdmin
{
    private readonly HttpClient _http;

    internal EmulatorAdmin(HttpClient http) => _http = http;

    /// <summary><c>POST /_emulator/tenants</c>: a new tenant.</summary>
    /// <param name="tenantId">Its id; a new GUID when null.</param>
    /// <param name="seed"><c>none</c> or <c>demo</c>.</param>
    /// <param name="features">Feature switches (e.g. <c>liveResponse</c> → false), or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant id.</returns>
    public async Task<Guid> CreateTenantAsync(Guid? tenantId = null, string seed = "none", IReadOnlyDictionary<string, bool>? features = null, CancellationToken cancellationToken = default)
    {
        var id = tenantId ?? Guid.NewGuid();
        await PostAsync("/_emulator/tenants", new { tenantId = id, seed, features }, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary><c>POST /_emulator/tenants/{tenantId}/apps</c>: an application with exactly these roles.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="clientId">The application id.</param>
    /// <param name="clientSecret">Its secret.</param>
    /// <param name="roles">Its application permissions, e.g. <c>Machine.Read.All</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when registered.</returns>
    public Task RegisterAppAsync(Guid tenantId, string clientId, string clientSecret, IEnumerable<string> roles, CancellationToken cancellationToken = default) =>
        PostAsync($"/_emulator/tenants/{tenantId}/apps", new { clientId, clientSecret, roles }, cancellationToken);

    /// <summary><c>PUT /_emulator/tenants/{tenantId}/features</c>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="features">Feature name → enabled.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every feature of the tenant after the change.</returns>
    public async Task<IReadOnlyDictionary<string, bool>> SetFeaturesAsync(Guid tenantId, IReadOnlyDictionary<string, bool> features, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PutAsJsonAsync($"/_emulator/tenants/{tenantId}/features", features, cancellationToken).ConfigureAwait(false);
        var all = await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false) as JsonObject;
        return (all?["features"] as JsonObject ?? all)?.ToDictionary(p => p.Key, p => p.Value?.GetValue<bool>() ?? false) ?? [];
    }

    /// <summary>
    /// <c>POST /_emulator/tenants/{tenantId}/data/{collection}</c>: upserts entities in the API's own shape, or appends
    /// rows to an advanced hunting table.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="collection">E.g. <c>machines</c>, <c>alerts</c>, <c>machineactions</c>, or a hunting table such as <c>DeviceProcessEvents</c>.</param>
    /// <param name="items">
    /// The entities (models of DefenderApi.Client.Models serialize to the API's shape, other objects in camelCase), or
    /// the hunting rows (typed or anonymous objects whose property names are the table's columns, e.g. <c>Timestamp</c>,
    /// <c>DeviceId</c>: they are sent as written, since KQL column names are case-sensitive).
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were stored.</returns>
    public async Task<int> LoadDataAsync<T>(Guid tenantId, string collection, IEnumerable<T> items, CancellationToken cancellationToken = default)
    {
        // Absent rather than null: entities are sent as the API returns them, and the API leaves out what it does not know.
        // Hunting rows keep their property names: KQL column names are case-sensitive and PascalCase (Timestamp, DeviceId).
        using var content = JsonContent.Create(items, options: IsHuntingTable(collection) ? HuntingRowJson : EntityJson);
        using var response = await _http.PostAsync(new Uri($"/_emulator/tenants/{tenantId}/data/{Uri.EscapeDataString(collection)}", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        var json = await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return json?["count"]?.GetValue<int>() ?? 0;
    }

    /// <summary>
    /// Loads alerts (the <c>alerts</c> collection) that become incidents: alerts without an <c>incidentId</c> join an
    /// open incident or open a new one by the emulator's grouping rule, as alerts the service raises do.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="alerts">The alerts (each needs an id and a machineId).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were stored.</returns>
    public Task<int> LoadAlertsAsync(Guid tenantId, IEnumerable<Client.Models.Alert> alerts, CancellationToken cancellationToken = default) =>
        LoadDataAsync(tenantId, "alerts", alerts, cancellationToken);

    /// <summary>
    /// Loads the alerts of one incident: every alert gets <paramref name="incidentId"/>, and the incident (created when
    /// it does not exist) takes its name, times, severity and status from them.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="incidentId">The incident.</param>
    /// <param name="alerts">The incident's alerts (each needs an id and a machineId).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many alerts were stored.</returns>
    public Task<int> LoadIncidentAlertsAsync(Guid tenantId, long incidentId, IEnumerable<Client.Models.Alert> alerts, CancellationToken cancellationToken = default) =>
        LoadDataAsync(tenantId, "alerts", alerts.Select(a => a with { IncidentId = incidentId }), cancellationToken);

    /// <summary><c>POST /_emulator/faults</c>.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rule id (for <see cref="RemoveFaultAsync"/>).</returns>
    public async Task<string> AddFaultAsync(FaultRule rule, CancellationToken cancellationToken = default)
    {
        var json = await PostAsync("/_emulator/faults", rule, cancellationToken).ConfigureAwait(false);
        return json?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("The emulator answered a fault without an id.");
    }

    /// <summary><c>DELETE /_emulator/faults/{id}</c>.</summary>
    /// <param name="faultId">The rule id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when removed.</returns>
    public Task RemoveFaultAsync(string faultId, CancellationToken cancellationToken = default) =>
        DeleteAsync($"/_emulator/faults/{Uri.EscapeDataString(faultId)}", cancellationToken);

    /// <summary><c>DELETE /_emulator/faults</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when removed.</returns>
    public Task ClearFaultsAsync(CancellationToken cancellationToken = default) => DeleteAsync("/_emulator/faults", cancellationToken);

    /// <summary><c>POST /_emulator/tenants/{tenantId}/machineactions/{id}/complete</c>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="actionId">The action.</param>
    /// <param name="status"><c>Succeeded</c>, <c>Failed</c>, <c>TimeOut</c> or <c>Cancelled</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the action is final.</returns>
    public Task CompleteMachineActionAsync(Guid tenantId, string actionId, string status = "Succeeded", CancellationToken cancellationToken = default) =>
        PostAsync($"/_emulator/tenants/{tenantId}/machineactions/{Uri.EscapeDataString(actionId)}/complete", new { status }, cancellationToken);

    /// <summary><c>PUT /_emulator/settings</c> with a partial body, e.g. <c>new { machineActions = new { mode = "immediate" } }</c>.</summary>
    /// <param name="settings">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>All settings after the change.</returns>
    public async Task<JsonNode?> UpdateSettingsAsync(object settings, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PutAsJsonAsync("/_emulator/settings", settings, cancellationToken).ConfigureAwait(false);
        return await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /_emulator/reset</c>: every tenant back to its start state.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when reset.</returns>
    public Task ResetAsync(CancellationToken cancellationToken = default) => PostAsync("/_emulator/reset", null, cancellationToken);

    /// <summary><c>POST /_emulator/tenants/{tenantId}/reset</c>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when reset.</returns>
    public Task ResetTenantAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        PostAsync($"/_emulator/tenants/{tenantId}/reset", null, cancellationToken);

    private static readonly JsonSerializerOptions EntityJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions HuntingRowJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static bool IsHuntingTable(string collection) =>
        DefenderApi.Hunting.Schema.HuntingSchema.Xdr.Tables.Any(t => string.Equals(t.Name, collection, StringComparison.OrdinalIgnoreCase));

    private async Task<JsonNode?> PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        using var content = body is null ? null : JsonContent.Create(body, body.GetType());
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        return await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }

        return body.Length == 0 ? null : JsonNode.Parse(body);
    }
}
