using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using DefenderApi.Client.Models;

namespace DefenderApi.Benchmarks;

/// <summary>
/// Bulk load through the admin API of a running emulator (<c>-- bulkload URL MACHINES ROWS</c>, bench/startup.sh):
/// creates a <c>seed none</c> tenant, then posts MACHINES machines to <c>/_emulator/tenants/{id}/data/machines</c> and
/// ROWS DeviceProcessEvents rows to <c>…/data/DeviceProcessEvents</c> in batches under the 30 MB body limit, one batch
/// after another as a loader would. The bodies are serialized before the clock starts: the figure is the server's.
/// </summary>
internal static class AdminBulkLoad
{
    private const int MachineBatch = 10_000;
    private const int RowBatch = 50_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<int> RunAsync(Uri baseAddress, int machines, int rows)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var tenant = Guid.NewGuid();
        using (var create = await http.PostAsync(new Uri("/_emulator/tenants", UriKind.Relative), Body(JsonSerializer.SerializeToUtf8Bytes(new { tenantId = tenant, seed = "none" }))))
        {
            create.EnsureSuccessStatusCode();
        }

        var anchor = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var machineBodies = Batches(machines, MachineBatch, i => DefenderModelFactory.Machine(
            id: $"{i:x40}", computerDnsName: $"load-{i}.contoso.local", firstSeen: anchor, lastSeen: anchor.AddMinutes(i % 10_000),
            osPlatform: "Windows11", onboardingStatus: "Onboarded", healthStatus: i % 7 == 0 ? "Inactive" : "Active",
            riskScore: "Low", exposureLevel: "Medium", lastIpAddress: "10.0.0.1", machineTags: ["load"]));
        var rowBodies = Batches(rows, RowBatch, i => new Dictionary<string, object>
        {
            ["Timestamp"] = anchor.AddSeconds(i).ToString("O", CultureInfo.InvariantCulture),
            ["DeviceId"] = $"{i % 1000:x40}",
            ["DeviceName"] = $"load-{i % 1000}.contoso.local",
            ["ActionType"] = "ProcessCreated",
            ["FileName"] = "powershell.exe",
            ["FolderPath"] = @"C:\Windows\System32\WindowsPowerShell\v1.0",
            ["ProcessCommandLine"] = $"powershell.exe -c {i}",
            ["ReportId"] = i,
        });

        var machineSeconds = await PostAllAsync(http, $"/_emulator/tenants/{tenant}/data/machines", machineBodies);
        var rowSeconds = await PostAllAsync(http, $"/_emulator/tenants/{tenant}/data/DeviceProcessEvents", rowBodies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk load: {machines:N0} machines in {machineSeconds:F2} s = {machines / machineSeconds:N0} machines/s; {rows:N0} hunting rows in {rowSeconds:F2} s = {rows / rowSeconds:N0} rows/s"));
        return 0;
    }

    private static List<byte[]> Batches<T>(int count, int size, Func<int, T> item)
    {
        var batches = new List<byte[]>();
        for (var start = 0; start < count; start += size)
        {
            var items = Enumerable.Range(start, Math.Min(size, count - start)).Select(item).ToList();
            batches.Add(JsonSerializer.SerializeToUtf8Bytes(items, Json));
        }

        return batches;
    }

    private static async Task<double> PostAllAsync(HttpClient http, string path, List<byte[]> bodies)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var body in bodies)
        {
            using var response = await http.PostAsync(new Uri(path, UriKind.Relative), Body(body));
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
