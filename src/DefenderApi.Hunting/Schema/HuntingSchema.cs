namespace DefenderApi.Hunting.Schema;

/// <summary>The set of hunting tables a query can name.</summary>
public sealed class HuntingSchema
{
    private readonly Dictionary<string, HuntingTable> _byName;

    /// <summary>Creates a schema from table definitions.</summary>
    /// <param name="tables">The tables.</param>
    public HuntingSchema(IReadOnlyList<HuntingTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Tables = tables;
        _byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The documented endpoint tables (see docs/fidelity.md for the columns included).</summary>
    public static HuntingSchema Default { get; } = new([.. HuntingTableDefinitions.All(), .. HuntingTableDefinitions.Vulnerability()]);

    /// <summary>
    /// The Defender XDR advanced hunting schema: the endpoint tables and the email, identity and cloud app tables only
    /// <c>POST /api/advancedhunting/run</c> serves (the MDE endpoint keeps <see cref="Default"/>).
    /// </summary>
    public static HuntingSchema Xdr { get; } =
        new([.. HuntingTableDefinitions.All(), .. HuntingTableDefinitions.Vulnerability(), .. HuntingXdrTableDefinitions.All()]);

    /// <summary>The tables.</summary>
    public IReadOnlyList<HuntingTable> Tables { get; }

    /// <summary>Finds a table by its exact name (table names are case-sensitive in KQL).</summary>
    /// <param name="name">The table name.</param>
    /// <returns>The table, or <see langword="null"/>.</returns>
    public HuntingTable? Find(string name) => _byName.GetValueOrDefault(name);
}
