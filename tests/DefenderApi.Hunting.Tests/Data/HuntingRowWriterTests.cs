using System.Text.Json.Nodes;
using DefenderApi.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DefenderApi.Hunting.Tests.Data;

public sealed class HuntingRowWriterTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _time = new(HuntingDataFixture.Now);

    public HuntingRowWriterTests()
    {
        _connection.Open();
        HuntingRowWriter.EnsureTables(_connection);
    }

    public void Dispose() => _connection.Dispose();

    private HuntingQueryResult Run(string query) =>
        new HuntingQueryExecutor(_time).Execute(_connection, new KqlCompiler(_time).Compile(query), "t1", TestContext.Current.CancellationToken);

    [Fact]
    public void AppendedRows_AreQueryable_WithServiceFormats()
    {
        var written = HuntingRowWriter.Append(_connection, "t1", "DeviceProcessEvents",
        [
            JsonNode.Parse("""{"Timestamp":"2026-03-01T10:00:00.1234567Z","DeviceId":"d1","FileName":"evil.exe","FileSize":42,"AdditionalFields":{"k":[1,2]},"IsProcessRemoteSession":true}""")!.AsObject(),
        ]);

        var result = Run("DeviceProcessEvents | project Timestamp, FileName, FileSize, AdditionalFields, IsProcessRemoteSession, AccountName");

        Assert.Equal(1, written);
        Assert.Equal(
            """{"Timestamp":"2026-03-01T10:00:00.1234567Z","FileName":"evil.exe","FileSize":42,"AdditionalFields":"{\"k\":[1,2]}","IsProcessRemoteSession":true,"AccountName":""}""",
            result.Results[0].ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void UnknownColumn_IsNamed()
    {
        var e = Assert.Throws<HuntingRowException>(() =>
            HuntingRowWriter.Append(_connection, "t1", "DeviceInfo", [new JsonObject { ["Timestamp"] = "2026-03-01T10:00:00Z", ["Colour"] = "red" }]));
        Assert.Equal((0, "Colour"), (e.Index, e.Column));
        Assert.Equal("table 'DeviceInfo' has no column 'Colour'", e.Problem);
    }

    [Fact]
    public void UnknownTable_IsNamed()
    {
        var e = Assert.Throws<DefenderErrorException>(() => HuntingRowWriter.Append(_connection, "t1", "NoSuchTable", []));
        Assert.Equal("Unknown hunting table 'NoSuchTable'.", e.Error.Message);
    }

    [Fact]
    public void XdrTable_TakesRows_LikeTheDeviceTables()
    {
        var written = HuntingRowWriter.Append(_connection, "t1", "EmailEvents",
            [new System.Text.Json.Nodes.JsonObject { ["Timestamp"] = "2026-11-01T10:00:00Z", ["Subject"] = "Invoice", ["UrlCount"] = 1 }]);

        Assert.Equal(1, written);
    }

    [Fact]
    public void WrongValueType_IsNamed_AndNothingIsWritten()
    {
        var e = Assert.Throws<HuntingRowException>(() => HuntingRowWriter.Append(_connection, "t1", "DeviceInfo",
        [
            new JsonObject { ["Timestamp"] = "2026-03-01T10:00:00Z", ["DeviceName"] = "ok" },
            new JsonObject { ["Timestamp"] = "yesterday" },
        ]));
        Assert.Equal((1, "Timestamp"), (e.Index, e.Column));
        Assert.Equal("column 'Timestamp' expects a datetime value, but got \"yesterday\"", e.Problem);
        Assert.Equal(0, Run("DeviceInfo | count").Results[0]["Count"]!.GetValue<long>());
    }

    [Fact]
    public void InACallersTransaction_RowsAreWrittenThere_AndGoWithItsRollback()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            var written = HuntingRowWriter.Append(_connection, "t1", "DeviceInfo", [new JsonObject { ["Timestamp"] = "2026-03-01T10:00:00Z" }], transaction);
            Assert.Equal(1, written);
            transaction.Rollback();
        }

        Assert.Equal(0, Run("DeviceInfo | count").Results[0]["Count"]!.GetValue<long>());
    }

    [Fact]
    public void Generator_SameSeed_SameRows()
    {
        using var other = new SqliteConnection("Data Source=:memory:");
        other.Open();
        var spec = new HuntingDemoSpec(5, HuntingDataFixture.Devices, HuntingDataFixture.Users, 3_000, HuntingDataFixture.Now);
        HuntingDemoGenerator.Generate(_connection, "t1", spec);
        HuntingDemoGenerator.Generate(other, "t1", spec);
        const string query = "DeviceProcessEvents | summarize count(), sum(FileSize), make_set(ProcessCommandLine), max(Timestamp) by DeviceName | order by DeviceName asc";
        var compiled = new KqlCompiler(_time).Compile(query);
        var executor = new HuntingQueryExecutor(_time);
        Assert.Equal(
            executor.Execute(_connection, compiled, "t1", TestContext.Current.CancellationToken).ToJson()["Results"]!.ToJsonString(),
            executor.Execute(other, compiled, "t1", TestContext.Current.CancellationToken).ToJson()["Results"]!.ToJsonString());
    }

    [Fact]
    public void Generator_EventRowsAddUpToTheRequestedCount()
    {
        var counts = HuntingDemoGenerator.Generate(_connection, "t1", new HuntingDemoSpec(1, HuntingDataFixture.Devices, HuntingDataFixture.Users, 1_001, HuntingDataFixture.Now));
        var events = new[] { "DeviceProcessEvents", "DeviceNetworkEvents", "DeviceFileEvents", "DeviceRegistryEvents", "DeviceLogonEvents", "DeviceImageLoadEvents", "DeviceEvents" };
        Assert.Equal(1_001, events.Sum(t => counts[t]));
        Assert.Equal(HuntingDataFixture.Devices.Count * 3, counts["DeviceInfo"]);
    }
}
