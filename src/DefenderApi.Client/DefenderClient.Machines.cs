using System.Globalization;
using DefenderApi.Client.Models;
using DefenderApi.Client.Query;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary><c>GET /api/machines</c>: the devices seen within the retention period, every page.</summary>
    /// <param name="query">Filter, order and page size (filterable: computerDnsName, id, version, deviceValue, aadDeviceId, machineTags, lastSeen, exposureLevel, onboardingStatus, lastIpAddress, healthStatus, osPlatform, riskScore, rbacGroupId).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The machines.</returns>
    public virtual IAsyncEnumerable<Machine> GetMachinesAsync(ODataQuery<Machine>? query = null, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Machine>("machines", query?.ToString(), cancellationToken);

    /// <summary><c>GET /api/machines/{id}</c>.</summary>
    /// <param name="machineId">The device id or its computer name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The machine.</returns>
    public virtual Task<Machine> GetMachineAsync(string machineId, CancellationToken cancellationToken = default) =>
        GetAsync<Machine>($"machines/{Escape(machineId)}", cancellationToken);

    /// <summary><c>PATCH /api/machines/{id}</c>: sets tags and/or device value. Idempotent (the body states the result).</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="update">The properties to set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated machine.</returns>
    public virtual Task<Machine> UpdateMachineAsync(string machineId, MachineUpdate update, CancellationToken cancellationToken = default) =>
        SendAsync<Machine>(HttpMethod.Patch, $"machines/{Escape(machineId)}", update, idempotent: true, cancellationToken);

    /// <summary><c>POST /api/machines/{id}/tags</c>. Idempotent (adding a present tag or removing an absent one changes nothing).</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="tag">The tag.</param>
    /// <param name="action">Add or remove.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated machine.</returns>
    public virtual Task<Machine> TagMachineAsync(string machineId, string tag, TagAction action, CancellationToken cancellationToken = default) =>
        SendAsync<Machine>(HttpMethod.Post, $"machines/{Escape(machineId)}/tags", new TagBody(tag, action), idempotent: true, cancellationToken);

    /// <summary><c>POST /api/machines/AddOrRemoveTagForMultipleMachines</c> (at most 500 machines). Idempotent.</summary>
    /// <param name="machineIds">The devices.</param>
    /// <param name="tag">The tag.</param>
    /// <param name="action">Add or remove.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated machines.</returns>
    public virtual Task<IReadOnlyList<Machine>> TagMachinesAsync(IEnumerable<string> machineIds, string tag, TagAction action, CancellationToken cancellationToken = default) =>
        ListAsync<Machine>(HttpMethod.Post, "machines/AddOrRemoveTagForMultipleMachines", new MultiTagBody(tag, action, [.. machineIds]), idempotent: true, cancellationToken);

    /// <summary><c>POST /api/machines/{id}/setDeviceValue</c>. Idempotent.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="deviceValue"><c>Normal</c>, <c>Low</c> or <c>High</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated machine.</returns>
    public virtual Task<Machine> SetDeviceValueAsync(string machineId, string deviceValue, CancellationToken cancellationToken = default) =>
        SendAsync<Machine>(HttpMethod.Post, $"machines/{Escape(machineId)}/setDeviceValue", new DeviceValueBody(deviceValue), idempotent: true, cancellationToken);

    /// <summary><c>GET /api/machines/findbyip(ip='…',timestamp=…)</c>: devices seen with an internal IP within 15 minutes of a time (in the last 30 days).</summary>
    /// <param name="ip">The IP address.</param>
    /// <param name="timestamp">The time.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The machines.</returns>
    public virtual IAsyncEnumerable<Machine> FindMachinesByIpAsync(string ip, DateTimeOffset timestamp, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Machine>($"machines/findbyip(ip={Escape(ODataFilterTranslator.Literal(ip))},timestamp={Escape(ODataFilterTranslator.Literal(timestamp))})", null, cancellationToken);

    /// <summary><c>GET /api/machines/find(timestamp=…,key='…')</c>: devices seen with an IP within 16 minutes of a time.</summary>
    /// <param name="ip">The IP address.</param>
    /// <param name="timestamp">The time.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The machines.</returns>
    public virtual IAsyncEnumerable<Machine> FindMachinesAsync(string ip, DateTimeOffset timestamp, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Machine>($"machines/find(timestamp={Escape(ODataFilterTranslator.Literal(timestamp))},key={Escape(ODataFilterTranslator.Literal(ip))})", null, cancellationToken);

    /// <summary><c>GET /api/machines/findbytag?tag=…&amp;useStartsWithFilter=…</c>.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="useStartsWithFilter">Match tags that start with <paramref name="tag"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The machines.</returns>
    public virtual IAsyncEnumerable<Machine> FindMachinesByTagAsync(string tag, bool useStartsWithFilter = false, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Machine>("machines/findbytag", $"?tag={Escape(tag)}&useStartsWithFilter={(useStartsWithFilter ? "true" : "false")}", cancellationToken);

    /// <summary><c>GET /api/machines/{id}/logonusers</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The users.</returns>
    public virtual IAsyncEnumerable<DefenderUser> GetMachineLogOnUsersAsync(string machineId, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<DefenderUser>($"machines/{Escape(machineId)}/logonusers", null, cancellationToken);

    /// <summary><c>GET /api/machines/{id}/alerts</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The alerts.</returns>
    public virtual IAsyncEnumerable<Alert> GetMachineAlertsAsync(string machineId, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Alert>($"machines/{Escape(machineId)}/alerts", null, cancellationToken);

    /// <summary><c>GET /api/machines/{id}/software</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The installed software.</returns>
    public virtual IAsyncEnumerable<Software> GetMachineSoftwareAsync(string machineId, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Software>($"machines/{Escape(machineId)}/software", null, cancellationToken);

    /// <summary><c>GET /api/machines/{id}/vulnerabilities</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The discovered vulnerabilities.</returns>
    public virtual IAsyncEnumerable<Vulnerability> GetMachineVulnerabilitiesAsync(string machineId, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Vulnerability>($"machines/{Escape(machineId)}/vulnerabilities", null, cancellationToken);

    /// <summary><c>GET /api/machines/{id}/recommendations</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The security recommendations.</returns>
    public virtual IAsyncEnumerable<Recommendation> GetMachineRecommendationsAsync(string machineId, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Recommendation>($"machines/{Escape(machineId)}/recommendations", null, cancellationToken);

    /// <summary><c>GET /api/machines/{id}/getmissingkbs</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The missing KBs.</returns>
    public virtual IAsyncEnumerable<ProductFix> GetMachineMissingKbsAsync(string machineId, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<ProductFix>($"machines/{Escape(machineId)}/getmissingkbs", null, cancellationToken);

    private sealed record TagBody([property: System.Text.Json.Serialization.JsonPropertyName("Value")] string Value, [property: System.Text.Json.Serialization.JsonPropertyName("Action")] TagAction Action);

    private sealed record MultiTagBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("Value")] string Value,
        [property: System.Text.Json.Serialization.JsonPropertyName("Action")] TagAction Action,
        [property: System.Text.Json.Serialization.JsonPropertyName("MachineIds")] IReadOnlyList<string> MachineIds);

    private sealed record DeviceValueBody([property: System.Text.Json.Serialization.JsonPropertyName("DeviceValue")] string DeviceValue);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
