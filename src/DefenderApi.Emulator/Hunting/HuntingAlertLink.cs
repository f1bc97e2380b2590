using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Hunting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DefenderApi.Emulator.Hunting;

/// <summary>
/// Links alerts created by reference to the hunting tables: the referenced event is looked up in the event tables,
/// and the new alert is appended to AlertInfo/AlertEvidence so hunting queries see it.
/// </summary>
internal sealed class HuntingAlertLink(EmulatorDbContext db, HuntingTables tables) : IAlertEventSource, IAlertCreatedHandler
{
    public async Task<IReadOnlyList<AlertEvidence>?> FindEvidenceAsync(string machineId, long reportId, DateTimeOffset eventTime, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await OpenAsync(cancellationToken);
        var found = HuntingEventLookup.Find(connection, transaction, db.CurrentTenantId.ToString(), machineId, reportId, eventTime);
        return found is null ? null : [.. found.Evidence.Select(e => e.ToAlertEvidence(eventTime))];
    }

    public async Task AlertCreatedAsync(Alert alert, Machine machine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(machine);
        var (connection, transaction) = await OpenAsync(cancellationToken);
        HuntingAlertRows.Append(connection, transaction, db.CurrentTenantId.ToString(), alert.ToHunting(), new HuntingDevice(machine.Id, machine.ComputerDnsName, machine.OsPlatform));
    }

    private async Task<(SqliteConnection Connection, SqliteTransaction? Transaction)> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        tables.EnsureCreated(connection);
        return (connection, (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
    }
}
