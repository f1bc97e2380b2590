using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Tests.Persistence;

public sealed class PropertyReaderTests
{
    [Fact]
    public void For_ReadsReferenceValueAndNullableProperties_Boxed()
    {
        var row = new Derived { Name = "pc-1", Count = 3, Seen = null };

        Assert.Equal("pc-1", PropertyReader.For(typeof(Derived).GetProperty(nameof(Derived.Name))!)(row));
        Assert.Equal(3, PropertyReader.For(typeof(Derived).GetProperty(nameof(Derived.Count))!)(row));
        Assert.Null(PropertyReader.For(typeof(Derived).GetProperty(nameof(Derived.Seen))!)(row));
    }

    [Fact]
    public void For_APropertyDeclaredOnABaseType_ReadsItFromTheDerivedRow()
    {
        var row = new Derived { Id = "m-1" };

        Assert.Equal("m-1", PropertyReader.For(typeof(Derived).GetProperty(nameof(Base.Id))!)(row));
    }

    [Fact]
    public void For_TheSameProperty_ReturnsTheSameReader()
    {
        var property = typeof(Derived).GetProperty(nameof(Derived.Count))!;

        Assert.Same(PropertyReader.For(property), PropertyReader.For(property));
    }

    private class Base
    {
        public string Id { get; init; } = "";
    }

    private sealed class Derived : Base
    {
        public string? Name { get; init; }

        public int Count { get; init; }

        public DateTimeOffset? Seen { get; init; }
    }
}
