namespace DefenderApi.Hunting.Schema;

/// <summary>One column of a hunting table.</summary>
/// <param name="Name">The documented column name.</param>
/// <param name="Type">The documented KQL type.</param>
public sealed record HuntingColumn(string Name, KqlType Type);

/// <summary>One advanced hunting table with its documented columns, in documented order.</summary>
public sealed class HuntingTable
{
    private readonly Dictionary<string, HuntingColumn> _byName;

    /// <summary>Creates a table definition.</summary>
    /// <param name="name">The table name.</param>
    /// <param name="columns">The columns, in order.</param>
    /// <param name="isSnapshot">Whether the table is a current-state snapshot (no lookback window, rows derived by the host).</param>
    public HuntingTable(string name, IReadOnlyList<HuntingColumn> columns, bool isSnapshot = false)
    {
        IsSnapshot = isSnapshot;
        ArgumentNullException.ThrowIfNull(columns);
        Name = name;
        Columns = columns;
        _byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether the table is a current-state snapshot: read without the lookback window, and filled by the host from the
    /// data it derives from (the vulnerability management tables), never appended to.
    /// </summary>
    public bool IsSnapshot { get; }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The columns, in documented order.</summary>
    public IReadOnlyList<HuntingColumn> Columns { get; }

    /// <summary>Finds a column by its exact (case-sensitive, as in KQL) name.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column, or <see langword="null"/>.</returns>
    public HuntingColumn? Find(string name) => _byName.GetValueOrDefault(name);
}
