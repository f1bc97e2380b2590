using System.Text.Json.Nodes;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DefenderApi.Hunting.Tests;

/// <summary>
/// One in-memory database with demo data for two tenants, and the raw rows of tenant A read back with plain SQL
/// (not through the compiler), which the tests query with LINQ as the independent evaluation.
/// </summary>
public sealed class HuntingDataFixture : IDisposable
{
    public const string TenantA = "11111111-1111-1111-1111-111111111111";
    public const string TenantB = "22222222-2222-2222-2222-222222222222";

    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, List<Row>> _rows = new(StringComparer.Ordinal);

    public HuntingDataFixture()
    {
        Time = new FakeTimeProvider(Now);
        Connection = new SqliteConnection("Data Source=:memory:");
        Connection.Open();
        HuntingDemoGenerator.Generate(Connection, TenantA, new HuntingDemoSpec(42, Devices, Users, 20_000, Now));
        HuntingDemoGenerator.Generate(Connection, TenantB, new HuntingDemoSpec(7, [new("b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0", "tenantb-only.contoso.com", "Windows11")], ["mallory"], 2_000, Now));
        foreach (var table in HuntingSchema.Default.Tables)
        {
            _rows[table.Name] = ReadBack(table);
        }
    }

    public static IReadOnlyList<HuntingDevice> Devices { get; } =
    [
        .. Enumerable.Range(0, 12).Select(i => new HuntingDevice(
            (i + 1).ToString("x2", System.Globalization.CultureInfo.InvariantCulture).PadLeft(40, 'a'),
            $"device-{i:00}.contoso.com",
            (i % 4) switch { 0 => "Windows11", 1 => "Windows10", 2 => "Linux", _ => "WindowsServer2022" })),
    ];

    public static IReadOnlyList<string> Users { get; } = ["alice", "bob", "carol", "dave", "erin", "frank"];

    public FakeTimeProvider Time { get; }

    public SqliteConnection Connection { get; }

    /// <summary>Rows of tenant A inside the 30-day lookback, as the service would see them.</summary>
    public IReadOnlyList<Row> Visible(string table) => [.. _rows[table].Where(r => r.T("Timestamp") >= Now.UtcDateTime.AddDays(-30))];

    /// <summary>All rows of tenant A, including those older than the lookback.</summary>
    public IReadOnlyList<Row> All(string table) => _rows[table];

    public HuntingQueryResult Run(string query, HuntingLimits? limits = null, string tenant = TenantA)
    {
        var compiled = new KqlCompiler(Time, limits).Compile(query);
        return new HuntingQueryExecutor(Time, limits).Execute(Connection, compiled, tenant, TestContext.Current.CancellationToken);
    }

    public void Dispose() => Connection.Dispose();

    private List<Row> ReadBack(HuntingTable table)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table.Name}\" WHERE TenantId = $t";
        command.Parameters.AddWithValue("$t", TenantA);
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            var row = new Row();
            foreach (var column in table.Columns)
            {
                var ordinal = reader.GetOrdinal(column.Name);
                row[column.Name] = reader.IsDBNull(ordinal) ? null : column.Type switch
                {
                    KqlType.DateTime => (object)new DateTime(reader.GetInt64(ordinal), DateTimeKind.Utc),
                    KqlType.Bool => (object)(reader.GetInt64(ordinal) != 0),
                    KqlType.Long or KqlType.Int => (object)reader.GetInt64(ordinal),
                    KqlType.Real => (object)reader.GetDouble(ordinal),
                    KqlType.Dynamic => JsonNode.Parse(reader.GetString(ordinal)),
                    _ => reader.GetString(ordinal),
                };
            }

            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>A raw row with typed accessors.</summary>
public sealed class Row : Dictionary<string, object?>
{
    public Row()
        : base(StringComparer.Ordinal)
    {
    }

    public string S(string column) => this[column] as string ?? string.Empty;

    public long L(string column) => this[column] is long l ? l : 0;

    public DateTime T(string column) => this[column] is DateTime t ? t : DateTime.MinValue;

    public bool B(string column) => this[column] is true;

    public JsonNode? D(string column) => this[column] as JsonNode;
}

[CollectionDefinition(Name)]
public sealed class HuntingDataCollection : ICollectionFixture<HuntingDataFixture>
{
    public const string Name = "hunting data";
}
