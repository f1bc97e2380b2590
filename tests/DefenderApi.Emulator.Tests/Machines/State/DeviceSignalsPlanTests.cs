using DefenderApi.Emulator.Machines.State;
using DefenderApi.Hunting;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Emulator.Tests.Machines.State;

/// <summary>
/// The machine-state refresh after each scenario step reads a device's newest signal from every device table; SQLite
/// must seek the (tenant, device) index for it, not walk the tenant's whole table through the Timestamp index (which
/// it chose while the statement carried a "Timestamp IS NOT NULL" term, half of a step's time).
/// </summary>
public sealed class DeviceSignalsPlanTests
{
    [Fact]
    public void NewestSignalOfSomeDevices_SeeksTheTenantDeviceIndex_InEverySignalTable()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        HuntingRowWriter.EnsureTables(connection);

        var plans = DeviceSignals.SignalTables
            .SelectMany(t => new[] { (t.Name, (string?)null), (t.Name, t.Find("LocalIP") is null ? null : "LocalIP") })
            .Distinct()
            .SelectMany(q => new[] { 1, 3 }.Select(devices => (q.Item1, q.Item2, devices, Plan: Plan(connection, DeviceSignals.Sql(q.Item1, q.Item2, devices)))))
            .ToList();

        Assert.NotEmpty(plans);
        Assert.All(plans, p => Assert.Contains($"USING INDEX IX_{p.Item1}_TenantId_DeviceId (TenantId=? AND DeviceId=?)", p.Plan, StringComparison.Ordinal));
    }

    private static string Plan(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join("\n", lines);
    }
}
