namespace DefenderApi.Hunting.Tests;

[Collection(HuntingDataCollection.Name)]
public sealed class SmokeTests(HuntingDataFixture data)
{
    [Fact]
    public void Count_OfProcessEvents_MatchesVisibleRows() =>
        RowAssert.Equal([[(long)data.Visible("DeviceProcessEvents").Count]], data.Run("DeviceProcessEvents | count"));
}
