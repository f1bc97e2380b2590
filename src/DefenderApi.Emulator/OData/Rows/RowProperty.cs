using System.Text.Json;

namespace DefenderApi.Emulator.OData.Rows;

/// <summary>How a stored column becomes the JSON value the serializer would have written for the property.</summary>
internal enum ColumnFormat
{
    /// <summary>Text as it is (strings, enums stored by name).</summary>
    Text,

    /// <summary>An integer.</summary>
    Integer,

    /// <summary>A double.</summary>
    Real,

    /// <summary>A float stored as a double (written with float precision, as the serializer does).</summary>
    Single,

    /// <summary>0/1 as <c>false</c>/<c>true</c>.</summary>
    Boolean,

    /// <summary>UTC ticks as <c>2019-01-02T14:39:38.2262283Z</c>.</summary>
    UtcTicks,

    /// <summary>EF Core's upper-case GUID text (or 16-byte blob) as a lower-case GUID.</summary>
    Guid,

    /// <summary>An enum stored as its number, written by name.</summary>
    EnumName,

    /// <summary>A JSON column whose value is copied (a collection of strings or numbers).</summary>
    Json,

    /// <summary>A JSON column of owned objects (one, or an array) whose stored property names are renamed to the API's.</summary>
    OwnedJson,

    /// <summary>No column: a collection navigation these reads never load, written as the empty list it starts as.</summary>
    EmptyArray,
}

/// <summary>One JSON property of an entity and the column it is read from.</summary>
/// <param name="Name">The JSON (EDM) name, as <c>$select</c> names it.</param>
/// <param name="Column">The column name in the SQL EF Core generates (<see langword="null"/> for <see cref="ColumnFormat.EmptyArray"/>).</param>
/// <param name="Format">How the column is written.</param>
internal sealed record RowProperty(string Name, string? Column, ColumnFormat Format)
{
    /// <summary>The name, encoded once.</summary>
    public JsonEncodedText EncodedName { get; } = JsonEncodedText.Encode(Name, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>Whether the column can hold NULL (only those are asked for their type: one native call less per value).</summary>
    public bool Nullable { get; init; } = true;

    /// <summary>Whether a null value is left out (<c>[JsonIgnore(Condition = WhenWritingNull)]</c>).</summary>
    public bool SkipNull { get; init; }

    /// <summary>For <see cref="ColumnFormat.EnumName"/>: the names by value.</summary>
    public IReadOnlyDictionary<long, string>? EnumNames { get; init; }

    /// <summary>For <see cref="ColumnFormat.OwnedJson"/>: the owned objects' properties.</summary>
    public OwnedJsonShape? Owned { get; init; }
}

/// <summary>The properties of owned objects stored in a JSON column, in the order the serializer writes them.</summary>
/// <param name="StoredNames">The names EF Core stores, by output position.</param>
/// <param name="Names">The API's names, by output position.</param>
/// <param name="Instants">Whether each is an instant EF Core stores as UTC ticks (written as text), by output position.</param>
/// <param name="IsCollection">Whether the column holds an array of them rather than one.</param>
internal sealed record OwnedJsonShape(byte[][] StoredNames, JsonEncodedText[] Names, bool[] Instants, bool IsCollection);
