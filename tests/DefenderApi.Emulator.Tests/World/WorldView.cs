using System.Globalization;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Hunting;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.World;

/// <summary>One device as the public API shows it: the machine, its alerts, its vulnerabilities and its rows in advanced hunting.</summary>
internal sealed record DeviceView(JsonElement Machine, IReadOnlyList<JsonElement> Alerts, IReadOnlyList<JsonElement> Vulnerabilities)
{
    public string Id => Machine.GetProperty("id").GetString()!;

    /// <summary>The newest Timestamp of the device's rows that hunting shows (its look-back window), if any.</summary>
    public DateTimeOffset? LastSignal { get; init; }

    /// <summary>The local address of the device's newest DeviceNetworkInfo/DeviceNetworkEvents row that names one, if hunting shows one.</summary>
    public string? LatestLocalIp { get; init; }

    public string? Text(string property) =>
        Machine.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public DateTimeOffset LastSeen => Machine.GetProperty("lastSeen").GetDateTimeOffset();
}

/// <summary>Reads the tenant's world through the public API only (machines, their alerts and vulnerabilities, advanced hunting).</summary>
internal static class WorldView
{
    private const string SignalTables =
        "DeviceInfo, DeviceNetworkInfo, DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents, DeviceRegistryEvents, DeviceLogonEvents, DeviceImageLoadEvents, DeviceEvents";

    public static async Task<List<DeviceView>> ReadAsync(HttpClient client)
    {
        var machines = await ODataJson.ValuesAsync(await client.GetAsync("/api/machines"));
        var signals = (await HuntingQueries.ResultsAsync(client, $"union {SignalTables} | summarize Last = max(Timestamp) by DeviceId"))
            .ToDictionary(r => r.GetProperty("DeviceId").GetString()!, r => r.GetProperty("Last").GetDateTimeOffset(), StringComparer.Ordinal);
        var ips = new Dictionary<string, (DateTimeOffset At, string Ip)>(StringComparer.Ordinal);
        foreach (var row in await HuntingQueries.ResultsAsync(client, "DeviceNetworkInfo | summarize arg_max(Timestamp, IPAddresses) by DeviceId"))
        {
            Keep(ips, row, FirstAddress(row.GetProperty("IPAddresses")));
        }

        foreach (var row in await HuntingQueries.ResultsAsync(client, "DeviceNetworkEvents | where isnotempty(LocalIP) | summarize arg_max(Timestamp, LocalIP) by DeviceId"))
        {
            Keep(ips, row, row.GetProperty("LocalIP").GetString());
        }

        var devices = new List<DeviceView>();
        foreach (var machine in machines)
        {
            var id = machine.GetProperty("id").GetString()!;
            devices.Add(new DeviceView(
                machine,
                await ODataJson.ValuesAsync(await client.GetAsync($"/api/machines/{id}/alerts")),
                await ODataJson.ValuesAsync(await client.GetAsync($"/api/machines/{id}/vulnerabilities")))
            {
                LastSignal = signals.TryGetValue(id, out var last) ? last : null,
                LatestLocalIp = ips.TryGetValue(id, out var ip) ? ip.Ip : null,
            });
        }

        return devices;
    }

    // The later row wins; on a tie DeviceNetworkInfo (read first) stays, as the emulator decides.
    private static void Keep(Dictionary<string, (DateTimeOffset At, string Ip)> ips, JsonElement row, string? ip)
    {
        var device = row.GetProperty("DeviceId").GetString()!;
        var at = row.GetProperty("Timestamp").GetDateTimeOffset();
        if (!string.IsNullOrEmpty(ip) && (!ips.TryGetValue(device, out var known) || at > known.At))
        {
            ips[device] = (at, ip);
        }
    }

    private static string? FirstAddress(JsonElement addresses)
    {
        var array = addresses.ValueKind == JsonValueKind.String ? JsonDocument.Parse(addresses.GetString()!).RootElement : addresses;
        var all = array.ValueKind != JsonValueKind.Array
            ? []
            : array.EnumerateArray().Select(a => a.TryGetProperty("IPAddress", out var ip) ? ip.GetString() : null).Where(a => !string.IsNullOrEmpty(a)).ToList();
        return all.FirstOrDefault(a => !a!.Contains(':', StringComparison.Ordinal)) ?? all.FirstOrDefault();
    }

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
