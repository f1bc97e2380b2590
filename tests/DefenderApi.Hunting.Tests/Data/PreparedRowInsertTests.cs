using DefenderApi.Hunting.Data;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting.Tests.Data;

public sealed class PreparedRowInsertTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public PreparedRowInsertTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (k TEXT PRIMARY KEY, i INTEGER, r REAL, b INTEGER, g TEXT, d TEXT, x BLOB)";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Insert_BindsEachSupportedTypeByPosition_AsSqliteStoresIt()
    {
        var id = Guid.Parse("abcdefab-cdef-4abc-8def-abcdefabcdef");
        using (var insert = new PreparedRowInsert(_connection, "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)"))
        {
            insert.Insert(["a", 42L, 1.5, true, id, 12.25m, new byte[] { 1, 2 }]);
            insert.Insert(["b", 7, 2.5f, false, null, null, DBNull.Value]);
        }

        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT k, i, typeof(i), r, b, g, d, x, typeof(g) FROM t ORDER BY k";
        using var rows = read.ExecuteReader();
        Assert.True(rows.Read());
        Assert.Equal(("a", 42L, "integer", 1.5, 1L), (rows.GetString(0), rows.GetInt64(1), rows.GetString(2), rows.GetDouble(3), rows.GetInt64(4)));
        Assert.Equal("ABCDEFAB-CDEF-4ABC-8DEF-ABCDEFABCDEF", rows.GetString(5));
        Assert.Equal("12.25", rows.GetString(6));
        Assert.Equal(new byte[] { 1, 2 }, (byte[])rows.GetValue(7));
        Assert.True(rows.Read());
        Assert.Equal(("b", 7L, 2.5, 0L), (rows.GetString(0), rows.GetInt64(1), rows.GetDouble(3), rows.GetInt64(4)));
        Assert.Equal("null", rows.GetString(8));
    }

    [Fact]
    public void Insert_ARowBreakingAConstraint_ThrowsSqliteExceptionWithItsExtendedCode_AndTheStatementStaysUsable()
    {
        using var insert = new PreparedRowInsert(_connection, "INSERT INTO t (k) VALUES (?)");
        insert.Insert(["same"]);

        var error = Assert.Throws<SqliteException>(() => insert.Insert(["same"]));
        insert.Insert(["other"]);

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(1555, error.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_PRIMARYKEY: callers word the rule from it
        using var count = _connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(2L, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public void Insert_AnUnsupportedValue_NamesItsTypeAndPosition()
    {
        using var insert = new PreparedRowInsert(_connection, "INSERT INTO t (k, d) VALUES (?, ?)");

        var error = Assert.Throws<InvalidOperationException>(() => insert.Insert(["k", TimeSpan.FromSeconds(1)]));

        Assert.Equal("No SQLite binding for a TimeSpan value (parameter 2).", error.Message);
    }
}
