using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DefenderApi.Hunting.Data;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>
/// Deterministic demo rows for the hunting tables: the same spec gives the same rows. Events refer to the given devices
/// and users; hashes are a function of the file name, so joins across tables (file, certificate, evidence) line up.
/// </summary>
public sealed partial class HuntingDemoGenerator
{
    private static readonly double[] TableShares = [0.40, 0.20, 0.15, 0.10, 0.05, 0.05, 0.05];

    private readonly HuntingDemoSpec _spec;
    private readonly string _tenantId;
    private readonly Random _random;
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private long _reportId;

    private HuntingDemoGenerator(HuntingDemoSpec spec, string tenantId)
    {
        _spec = spec;
        _tenantId = tenantId;
        _random = new Random(spec.Seed);
    }

    /// <summary>Generates rows for a tenant in one transaction (creates the tables first when missing).</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="tenantId">The tenant the rows belong to.</param>
    /// <param name="spec">What to generate.</param>
    /// <param name="transaction">A transaction already open on the connection to write in, or <see langword="null"/> to use one of its own.</param>
    /// <returns>Rows written per table.</returns>
    public static IReadOnlyDictionary<string, int> Generate(SqliteConnection connection, string tenantId, HuntingDemoSpec spec, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfZero(spec.Devices.Count);
        ArgumentOutOfRangeException.ThrowIfZero(spec.UserNames.Count);
        var deviceIds = spec.Devices.Select(d => d.DeviceId).ToHashSet(StringComparer.Ordinal);
        if (spec.Alerts?.FirstOrDefault(a => !deviceIds.Contains(a.DeviceId)) is { } stray)
        {
            throw new ArgumentException($"Alert {stray.AlertId} is on device {stray.DeviceId}, which is not among the spec's devices.", nameof(spec));
        }

        if (transaction is not null)
        {
            return new HuntingDemoGenerator(spec, tenantId).Run(connection);
        }

        HuntingRowWriter.EnsureTables(connection);
        using var own = connection.BeginTransaction();
        var counts = new HuntingDemoGenerator(spec, tenantId).Run(connection);
        own.Commit();
        return counts;
    }

    // Writes inside the transaction open on the connection (the caller's or Generate's own).
    private Dictionary<string, int> Run(SqliteConnection connection)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var inserters = new Dictionary<string, TableInserter>(StringComparer.Ordinal);
        TableInserter Inserter(string table)
        {
            if (!inserters.TryGetValue(table, out var inserter))
            {
                inserter = new TableInserter(connection, HuntingSchema.Default.Find(table)!, _tenantId);
                inserters[table] = inserter;
            }

            return inserter;
        }

        void Fill(string table, int rows, Action<TableInserter, int> fill)
        {
            var inserter = Inserter(table);
            for (var i = 0; i < rows; i++)
            {
                fill(inserter, i);
                inserter.Insert();
            }

            counts[table] = counts.GetValueOrDefault(table) + rows;
        }

        try
        {
            Fill("DeviceInfo", _spec.Devices.Count * 3, DeviceInfo);
            Fill("DeviceNetworkInfo", _spec.Devices.Count, DeviceNetworkInfo);
            var alerts = _spec.Alerts ?? MadeUpAlerts();
            var triggers = alerts.Select(a => new AlertTrigger(a, DeviceOf(a))).ToList();
            var randomEvents = Math.Max(0, _spec.EventCount - triggers.Sum(t => t.EventCount));
            var split = TableShares.Select(s => (int)(s * randomEvents)).ToArray();
            split[0] += randomEvents - split.Sum();
            Fill("DeviceProcessEvents", split[0], (r, _) => ProcessEvent(r));
            Fill("DeviceNetworkEvents", split[1], (r, _) => NetworkEvent(r));
            Fill("DeviceFileEvents", split[2], (r, _) => FileEvent(r));
            Fill("DeviceRegistryEvents", split[3], (r, _) => RegistryEvent(r));
            Fill("DeviceLogonEvents", split[4], (r, _) => LogonEvent(r));
            Fill("DeviceImageLoadEvents", split[5], (r, _) => ImageLoadEvent(r));
            Fill("DeviceEvents", split[6], (r, _) => DeviceEvent(r));
            foreach (var trigger in triggers)
            {
                Fill("DeviceProcessEvents", 1, (r, _) => TriggeringProcessEvent(r, trigger));
                Fill("DeviceFileEvents", trigger.File is null ? 0 : 1, (r, _) => TriggeringFileEvent(r, trigger));
                Fill("DeviceNetworkEvents", trigger.Connects ? 1 : 0, (r, _) => TriggeringNetworkEvent(r, trigger));
            }

            var certified = DemoCatalog.WindowsProcesses.Concat(DemoCatalog.Dlls).ToArray();
            Fill("DeviceFileCertificateInfo", certified.Length, (r, i) => Certificate(r, certified[i]));
            Fill("AlertInfo", alerts.Count, (r, i) => HuntingAlertRows.Info(r, alerts[i]));
            foreach (var trigger in triggers)
            {
                Fill("AlertEvidence", HuntingAlertRows.EvidenceRowCount(trigger.Alert), (r, i) => HuntingAlertRows.Evidence(r, trigger.Alert, trigger.Device, i));
            }
        }
        finally
        {
            foreach (var inserter in inserters.Values)
            {
                inserter.Dispose();
            }
        }

        return counts;
    }

    private HuntingDevice DeviceOf(HuntingAlert alert) => _spec.Devices.First(d => d.DeviceId == alert.DeviceId);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private HuntingDevice PickDevice() => Pick(_spec.Devices);

    private static bool IsWindows(HuntingDevice device) => device.OsPlatform.StartsWith("Windows", StringComparison.OrdinalIgnoreCase);

    /// <summary>A time in the 35 days before now with 7-digit precision; one in seven falls outside the 30-day lookback.</summary>
    private DateTime EventTime() => _spec.Now.UtcDateTime.AddTicks(-(long)(_random.NextDouble() * TimeSpan.FromDays(35).Ticks));

    /// <summary>
    /// A time before the device's last report (a device sends nothing after it) and within the 35 days before now, the
    /// spread over the time in between; without a last report, <see cref="EventTime()"/>.
    /// </summary>
    private DateTime EventTime(HuntingDevice device)
    {
        var time = EventTime();
        if (device.LastSeen is not { } lastSeen)
        {
            return time;
        }

        var silent = _spec.Now.UtcDateTime - lastSeen.UtcDateTime;
        var span = TimeSpan.FromDays(35) - silent;
        return span <= TimeSpan.FromDays(1)
            ? lastSeen.UtcDateTime.AddTicks(-(_spec.Now.UtcDateTime - time).Ticks / 35)
            : lastSeen.UtcDateTime.AddTicks(-(long)((_spec.Now.UtcDateTime - time).Ticks * (span.Ticks / (double)TimeSpan.FromDays(35).Ticks)));
    }

    /// <summary>The local address of the device: its own when known, else one drawn for the row.</summary>
    private string LocalIp(HuntingDevice device)
    {
        var drawn = "10.0.0." + _random.Next(2, 250);
        return device.LocalIp ?? drawn;
    }

    /// <summary>A stable pseudo-hash of a name, <paramref name="length"/> hex digits (SHA256-based for all three hash columns).</summary>
    private string Hash(string name, int length)
    {
        var key = name + "/" + length.ToString(CultureInfo.InvariantCulture);
        if (!_hashes.TryGetValue(key, out var hash))
        {
            hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..length];
            _hashes[key] = hash;
        }

        return hash;
    }

    private void SetFile(TableInserter row, string fileName, string folder)
    {
        row.Set("FileName", fileName).Set("FolderPath", folder + fileName)
           .Set("SHA1", Hash(fileName, 40)).Set("SHA256", Hash(fileName, 64)).Set("MD5", Hash(fileName, 32));
    }

    private static string ProcessFolder(HuntingDevice device, string fileName) =>
        !IsWindows(device) ? "/usr/bin/" : fileName is "chrome.exe" or "msedge.exe" ? @"C:\Program Files\Browser\" : @"C:\Windows\System32\";

    private void SetDeviceHeader(TableInserter row, HuntingDevice device, DateTime time, string actionType) =>
        row.Set("Timestamp", time).Set("DeviceId", device.DeviceId).Set("DeviceName", device.DeviceName)
           .Set("ActionType", actionType).Set("ReportId", ++_reportId);

    private void SetInitiatingProcess(TableInserter row, HuntingDevice device, DateTime time, string user)
    {
        var parent = IsWindows(device) ? Pick(DemoCatalog.WindowsParents) : Pick(DemoCatalog.UnixParents);
        row.Set("InitiatingProcessFileName", parent)
           .Set("InitiatingProcessFolderPath", ProcessFolder(device, parent) + parent)
           .Set("InitiatingProcessSHA1", Hash(parent, 40)).Set("InitiatingProcessSHA256", Hash(parent, 64)).Set("InitiatingProcessMD5", Hash(parent, 32))
           .Set("InitiatingProcessId", (long)_random.Next(100, 20000))
           .Set("InitiatingProcessCommandLine", parent + Pick(DemoCatalog.CommandArguments))
           .Set("InitiatingProcessCreationTime", time.AddSeconds(-_random.Next(1, 3600)))
           .Set("InitiatingProcessAccountName", user).Set("InitiatingProcessAccountDomain", "contoso")
           .Set("InitiatingProcessIntegrityLevel", Pick(["Medium", "High", "System"]))
           .Set("InitiatingProcessParentFileName", IsWindows(device) ? "explorer.exe" : "systemd")
           .Set("IsInitiatingProcessRemoteSession", _random.Next(10) == 0);
    }
}
