using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting.Data;

/// <summary>
/// A prepared INSERT for one table and tenant. Values are set by column name into a reusable row buffer;
/// strings left unset are stored as empty, as Kusto has no null strings.
/// </summary>
internal sealed class TableInserter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly Dictionary<string, int> _ordinals;
    private readonly object?[] _row;

    public TableInserter(SqliteConnection connection, SqliteTransaction transaction, HuntingTable table, string tenantId)
    {
        Table = table;
        _ordinals = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        _row = new object?[table.Columns.Count];
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var names = string.Join(", ", table.Columns.Select(c => HuntingDdl.Quote(c.Name)));
        var values = string.Join(", ", table.Columns.Select((_, i) => "$c" + i));
        _command.CommandText = $"INSERT INTO {HuntingDdl.Quote(table.Name)} ({HuntingDdl.Quote(HuntingDdl.TenantColumn)}, {names}) VALUES ($tenant, {values})";
        _command.Parameters.AddWithValue("$tenant", tenantId);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            _command.Parameters.Add(new SqliteParameter("$c" + i, null));
        }

        _command.Prepare();
    }

    public HuntingTable Table { get; }

    public bool HasColumn(string column) => _ordinals.ContainsKey(column);

    /// <summary>Sets a value in storage form: DateTime becomes ticks, bool 0/1, dynamic its JSON text (already canonical).</summary>
    public TableInserter Set(string column, object? value)
    {
        _row[_ordinals[column]] = value switch
        {
            DateTime dt => dt.Ticks,
            DateTimeOffset dto => dto.UtcTicks,
            bool b => b ? 1L : 0L,
            int i => (long)i,
            _ => value,
        };
        return this;
    }

    public void Insert()
    {
        for (var i = 0; i < _row.Length; i++)
        {
            _command.Parameters[i + 1].Value = _row[i] ?? (Table.Columns[i].Type == KqlType.String ? string.Empty : DBNull.Value);
            _row[i] = null;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
