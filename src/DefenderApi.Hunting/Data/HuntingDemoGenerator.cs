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
        if (transaction is not null)
        {
            return new HuntingDemoGenerator(spec, tenantId).Run(connection, transaction);
        }

        HuntingRowWriter.EnsureTables(connection);
        using var own = connection.BeginTransaction();
        var counts = new HuntingDemoGenerator(spec, tenantId).Run(connection, own);
        own.Commit();
        return counts;
    }

    private Dictionary<string, int> Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Fill(string table, int rows, Action<TableInserter, int> fill)
        {
            using var inserter = new TableInserter(connection, transaction, HuntingSchema.Default.Find(table)!, _tenantId);
            for (var i = 0; i < rows; i++)
            {
                fill(inserter, i);
                inserter.Insert();
            }

            counts[table] = rows;
        }

        Fill("DeviceInfo", _spec.Devices.Count * 3, DeviceInfo);
        Fill("DeviceNetworkInfo", _spec.Devices.Count, DeviceNetworkInfo);
        var split = TableShares.Select(s => (int)(s * _spec.EventCount)).ToArray();
        split[0] += _spec.EventCount - split.Sum();
        Fill("DeviceProcessEvents", split[0], (r, _) => ProcessEvent(r));
        Fill("DeviceNetworkEvents", split[1], (r, _) => NetworkEvent(r));
        Fill("DeviceFileEvents", split[2], (r, _) => FileEvent(r));
        Fill("DeviceRegistryEvents", split[3], (r, _) => RegistryEvent(r));
        Fill("DeviceLogonEvents", split[4], (r, _) => LogonEvent(r));
        Fill("DeviceImageLoadEvents", split[5], (r, _) => ImageLoadEvent(r));
        Fill("DeviceEvents", split[6], (r, _) => DeviceEvent(r));
        var certified = DemoCatalog.WindowsProcesses.Concat(DemoCatalog.Dlls).ToArray();
        Fill("DeviceFileCertificateInfo", certified.Length, (r, i) => Certificate(r, certified[i]));
        var alerts = _spec.Alerts ?? MadeUpAlerts();
        Fill("AlertInfo", alerts.Count, (r, i) => AlertInfo(r, alerts[i]));
        Fill("AlertEvidence", alerts.Count * 3, (r, i) => AlertEvidence(r, alerts[i / 3], i % 3));
        return counts;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private HuntingDevice PickDevice() => Pick(_spec.Devices);

    private static bool IsWindows(HuntingDevice device) => device.OsPlatform.StartsWith("Windows", StringComparison.OrdinalIgnoreCase);

    /// <summary>A time in the 35 days before now with 7-digit precision; one in seven falls outside the 30-day lookback.</summary>
    private DateTime EventTime() => _spec.Now.UtcDateTime.AddTicks(-(long)(_random.NextDouble() * TimeSpan.FromDays(35).Ticks));

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
