using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting.Data;

/// <summary>
/// A prepared INSERT for one table and tenant. Values are set by column name into a reusable row buffer;
/// strings left unset are stored as empty, as Kusto has no null strings.
/// </summary>
internal sealed class TableInserter : IDisposable
{
    private readonly PreparedRowInsert _insert;
    private readonly Dictionary<string, int> _ordinals;

    // Slot 0 is the tenant; the table's columns follow in schema order.
    private readonly object?[] _row;

    /// <summary>Prepares the insert; rows join the transaction the connection has open (the caller's or its own).</summary>
    public TableInserter(SqliteConnection connection, HuntingTable table, string tenantId)
    {
        Table = table;
        _ordinals = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        _row = new object?[table.Columns.Count + 1];
        _row[0] = tenantId;
        var names = string.Join(", ", table.Columns.Select(c => HuntingDdl.Quote(c.Name)));
        var values = string.Join(", ", table.Columns.Select(_ => "?"));
        _insert = new PreparedRowInsert(connection,
            $"INSERT INTO {HuntingDdl.Quote(table.Name)} ({HuntingDdl.Quote(HuntingDdl.TenantColumn)}, {names}) VALUES (?, {values})");
    }

    public HuntingTable Table { get; }

    public bool HasColumn(string column) => _ordinals.ContainsKey(column);

    /// <summary>Sets a value in storage form: DateTime becomes ticks, bool 0/1, dynamic its JSON text (already canonical).</summary>
    public TableInserter Set(string column, object? value)
    {
        _row[_ordinals[column] + 1] = value switch
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
        for (var i = 0; i < Table.Columns.Count; i++)
        {
            _row[i + 1] ??= Table.Columns[i].Type == KqlType.String ? string.Empty : null;
        }

        _insert.Insert(_row);
        Array.Clear(_row, 1, Table.Columns.Count);
    }

    public void Dispose() => _insert.Dispose();
}
