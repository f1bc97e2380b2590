using System.Linq.Expressions;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Hunting;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DefenderApi.Emulator.Hunting;

/// <summary>What an entity page asks the hunting tables about: a file hash, a remote IP or a domain.</summary>
internal enum SightingKind
{
    /// <summary>A file by SHA-1 (the <c>SHA1</c> column).</summary>
    File,

    /// <summary>A remote address (the <c>RemoteIP</c> column).</summary>
    Ip,

    /// <summary>A domain (the host of the <c>RemoteUrl</c> column).</summary>
    Domain,
}

/// <summary>One device seeing the entity at one instant.</summary>
/// <param name="DeviceId">The device (machine) id.</param>
/// <param name="Time">When.</param>
/// <param name="FileName">The file's name, for files.</param>
internal sealed record Sighting(string DeviceId, DateTimeOffset Time, string? FileName);

/// <summary>
/// Finds a file, IP or domain in the tenant's device event tables (every hunting table with <c>DeviceId</c>,
/// <c>ActionType</c> and <c>ReportId</c> that has the column), so the statistics and related-machine calls count
/// the devices whose events show it, not only the alerts' evidence; rows loaded through the admin API count too.
/// </summary>
internal sealed class EventSightings(EmulatorDbContext db, HuntingTables tables)
{
    private static readonly IReadOnlyDictionary<SightingKind, IReadOnlyList<HuntingTable>> TablesByKind = new Dictionary<SightingKind, IReadOnlyList<HuntingTable>>
    {
        [SightingKind.File] = [.. HuntingEventLookup.EventTables.Where(t => t.Find("SHA1") is not null)],
        [SightingKind.Ip] = [.. HuntingEventLookup.EventTables.Where(t => t.Find("RemoteIP") is not null)],
        [SightingKind.Domain] = [.. HuntingEventLookup.EventTables.Where(t => t.Find("RemoteUrl") is not null)],
    };

    /// <summary>The sightings of <paramref name="value"/> since <paramref name="since"/> (all retained rows when <see langword="null"/>).</summary>
    /// <param name="kind">What <paramref name="value"/> is.</param>
    /// <param name="value">The SHA-1, the IP address or the lower-case ASCII domain.</param>
    /// <param name="since">The start of the window, or <see langword="null"/>.</param>
    /// <returns>The sightings, in no particular order.</returns>
    public async Task<List<Sighting>> FindAsync(SightingKind kind, string value, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        tables.EnsureCreated(connection);
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        var found = new List<Sighting>();
        foreach (var table in TablesByKind[kind])
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var hasFileName = table.Find("FileName") is not null;
            command.CommandText =
                $"SELECT \"DeviceId\", \"Timestamp\", {(hasFileName ? "\"FileName\"" : "NULL")}{(kind == SightingKind.Domain ? ", \"RemoteUrl\"" : "")} " +
                $"FROM {HuntingDdl.Quote(table.Name)} WHERE {HuntingDdl.Quote(HuntingDdl.TenantColumn)} = $tenant AND \"Timestamp\" >= $since AND " +
                kind switch
                {
                    SightingKind.File => "\"SHA1\" = $value COLLATE NOCASE",
                    SightingKind.Ip => "\"RemoteIP\" = $value",
                    _ => "instr(lower(\"RemoteUrl\"), $value) > 0",
                };
            command.Parameters.AddWithValue("$tenant", db.CurrentTenantId.ToString());
            command.Parameters.AddWithValue("$since", since?.UtcTicks ?? 0L);
            command.Parameters.AddWithValue("$value", value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.IsDBNull(0) || reader.IsDBNull(1) || (kind == SightingKind.Domain && AlertEvidence.HostOf(reader.GetString(3)) != value))
                {
                    continue;
                }

                found.Add(new Sighting(reader.GetString(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.IsDBNull(2) ? null : NullIfEmpty(reader.GetString(2))));
            }
        }

        return found;
    }

    /// <summary>The organisation prevalence of an entity in a look-back window: its events and its alerts' evidence.</summary>
    /// <param name="kind">What <paramref name="value"/> is.</param>
    /// <param name="value">The SHA-1, the IP address or the lower-case ASCII domain.</param>
    /// <param name="evidence">The same entity as an evidence condition.</param>
    /// <param name="since">The start of the window.</param>
    /// <returns>Distinct devices, first and last seen, the commonest names.</returns>
    public async Task<Prevalence> PrevalenceAsync(
        SightingKind kind, string value, Expression<Func<AlertEvidence, bool>> evidence, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var sightings = await FindAsync(kind, value, since, cancellationToken);
        sightings.AddRange(await EvidenceQueries.SightingsAsync(db, evidence, since, cancellationToken));
        return Prevalence.Of(sightings);
    }

    /// <summary>The machines whose events show the entity or that have an alert with it as evidence.</summary>
    /// <param name="kind">What <paramref name="value"/> is.</param>
    /// <param name="value">The SHA-1, the IP address or the lower-case ASCII domain.</param>
    /// <param name="evidence">The same entity as an evidence condition.</param>
    /// <param name="limit">The most machines to return.</param>
    /// <returns>The machines, by id.</returns>
    public async Task<List<Machine>> MachinesAsync(
        SightingKind kind, string value, Expression<Func<AlertEvidence, bool>> evidence, int limit, CancellationToken cancellationToken)
    {
        var devices = (await FindAsync(kind, value, null, cancellationToken)).Select(s => s.DeviceId).ToHashSet(StringComparer.Ordinal);
        return await EvidenceQueries.MachinesAsync(db, evidence, devices, limit, cancellationToken);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
