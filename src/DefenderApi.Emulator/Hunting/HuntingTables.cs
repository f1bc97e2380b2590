using DefenderApi.Hunting;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Emulator.Hunting;

/// <summary>
/// Makes sure the hunting tables exist once per process: tenant provisioning creates them, but a database file from
/// before hunting existed gets them on the first query instead of a "no such table" failure.
/// </summary>
internal sealed class HuntingTables
{
    private readonly Lock _gate = new();
    private bool _created;

    public void EnsureCreated(SqliteConnection connection)
    {
        if (Volatile.Read(ref _created))
        {
            return;
        }

        lock (_gate)
        {
            if (!_created)
            {
                HuntingRowWriter.EnsureTables(connection);
                Volatile.Write(ref _created, true);
            }
        }
    }
}
