using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>An event found by <see cref="HuntingEventLookup.Find"/>.</summary>
/// <param name="Table">The table it is in, e.g. <c>DeviceProcessEvents</c>.</param>
/// <param name="ActionType">Its action type.</param>
/// <param name="Evidence">What it shows, as alert evidence: its file, process, user, remote IP and URL where it has them.</param>
public sealed record HuntingEvent(string Table, string ActionType, IReadOnlyList<HuntingEvidence> Evidence);

/// <summary>
/// Finds one event by what advanced hunting shows of it: the device, the ReportId and the exact Timestamp
/// (<see href="https://learn.microsoft.com/defender-endpoint/api/create-alert-by-reference">Create alert from event API</see>), in the event tables (those with ActionType and ReportId).
/// </summary>
public static class HuntingEventLookup
{
    /// <summary>The tables searched, in schema order.</summary>
    public static IReadOnlyList<HuntingTable> EventTables { get; } =
        [.. HuntingSchema.Default.Tables.Where(t => t.Find("ActionType") is not null && t.Find("ReportId") is not null && t.Find("DeviceId") is not null)];

    /// <summary>Finds the event of a tenant with this device, report id and time (to the tick).</summary>
    /// <param name="connection">An open connection with the tables created.</param>
    /// <param name="transaction">The transaction open on the connection, if any.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="deviceId">The device (machine) id.</param>
    /// <param name="reportId">The event's ReportId.</param>
    /// <param name="timestamp">The event's Timestamp.</param>
    /// <returns>The event, or <see langword="null"/> when no event matches all three.</returns>
    public static HuntingEvent? Find(SqliteConnection connection, SqliteTransaction? transaction, string tenantId, string deviceId, long reportId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var table in EventTables)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"SELECT * FROM {HuntingDdl.Quote(table.Name)} WHERE {HuntingDdl.Quote(HuntingDdl.TenantColumn)} = $tenant " +
                "AND \"Timestamp\" = $time AND \"DeviceId\" = $device AND \"ReportId\" = $report LIMIT 1";
            command.Parameters.AddWithValue("$tenant", tenantId);
            command.Parameters.AddWithValue("$time", timestamp.UtcTicks);
            command.Parameters.AddWithValue("$device", deviceId);
            command.Parameters.AddWithValue("$report", reportId);
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                string Text(string column) => table.Find(column) is { Type: KqlType.String } && reader[column] is string value ? value : string.Empty;
                long? Number(string column) => table.Find(column) is not null && reader[column] is long value ? value : null;
                return new HuntingEvent(table.Name, Text("ActionType"), [.. Evidence(table.Name, Text, Number)]);
            }
        }

        return null;
    }

    private static IEnumerable<HuntingEvidence> Evidence(string table, Func<string, string> text, Func<string, long?> number)
    {
        var fileName = text("FileName");
        var folder = FolderOf(text("FolderPath"), fileName);
        if (fileName.Length > 0 && text("SHA1").Length > 0)
        {
            yield return new HuntingEvidence("File") { FileName = fileName, FolderPath = folder, Sha1 = text("SHA1"), Sha256 = NullIfEmpty(text("SHA256")) };
        }

        if (table == "DeviceProcessEvents" && fileName.Length > 0)
        {
            yield return new HuntingEvidence("Process")
            {
                FileName = fileName, FolderPath = folder, Sha1 = NullIfEmpty(text("SHA1")), Sha256 = NullIfEmpty(text("SHA256")),
                ProcessCommandLine = NullIfEmpty(text("ProcessCommandLine")), ProcessId = number("ProcessId"),
                ParentFileName = NullIfEmpty(text("InitiatingProcessFileName")),
            };
        }

        var account = text("AccountName") is { Length: > 0 } name ? (name, text("AccountDomain")) : (text("InitiatingProcessAccountName"), text("InitiatingProcessAccountDomain"));
        if (account.Item1.Length > 0)
        {
            yield return new HuntingEvidence("User") { AccountName = account.Item1, AccountDomain = NullIfEmpty(account.Item2) };
        }

        if (text("RemoteIP") is { Length: > 0 } ip)
        {
            yield return new HuntingEvidence("Ip") { RemoteIp = ip };
        }

        if (text("RemoteUrl") is { Length: > 0 } url)
        {
            yield return new HuntingEvidence("Url") { RemoteUrl = url };
        }
    }

    /// <summary>FolderPath holds the full path; evidence keeps the folder and the name apart.</summary>
    private static string? FolderOf(string path, string fileName) =>
        path.Length == 0 ? null
        : fileName.Length > 0 && path.EndsWith(fileName, StringComparison.OrdinalIgnoreCase) ? path[..^fileName.Length].TrimEnd('\\', '/')
        : path;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
