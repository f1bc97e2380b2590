namespace DefenderApi.Hunting.Schema;

/// <summary>The KQL scalar types the hunting tables and expressions use.</summary>
public enum KqlType
{
    /// <summary>Boolean, stored as 0/1.</summary>
    Bool,

    /// <summary>UTC instant, stored as .NET ticks so 7 fractional digits survive.</summary>
    DateTime,

    /// <summary>JSON value, stored as canonical JSON text.</summary>
    Dynamic,

    /// <summary>32-bit integer.</summary>
    Int,

    /// <summary>64-bit integer.</summary>
    Long,

    /// <summary>Double-precision number.</summary>
    Real,

    /// <summary>Unicode text.</summary>
    String,

    /// <summary>Duration, stored as .NET ticks.</summary>
    TimeSpan,
}

/// <summary>Names of <see cref="KqlType"/> in KQL text and in the response's <c>Schema</c>.</summary>
public static class KqlTypeNames
{
    /// <summary>The type name the service writes in the response <c>Schema</c> (the .NET type names, e.g. <c>DateTime</c>, <c>Int64</c>).</summary>
    /// <param name="type">The type.</param>
    /// <returns>The wire name.</returns>
    public static string WireName(this KqlType type) => type switch
    {
        KqlType.Bool => "Boolean",
        KqlType.DateTime => "DateTime",
        KqlType.Dynamic => "Object",
        KqlType.Int => "Int32",
        KqlType.Long => "Int64",
        KqlType.Real => "Double",
        KqlType.String => "String",
        KqlType.TimeSpan => "TimeSpan",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The type's name in KQL (<c>datetime</c>, <c>long</c>, ...).</summary>
    /// <param name="type">The type.</param>
    /// <returns>The KQL name.</returns>
    public static string KqlName(this KqlType type) => type switch
    {
        KqlType.Bool => "bool",
        KqlType.DateTime => "datetime",
        KqlType.Dynamic => "dynamic",
        KqlType.Int => "int",
        KqlType.Long => "long",
        KqlType.Real => "real",
        KqlType.String => "string",
        KqlType.TimeSpan => "timespan",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Whether the type is a number (int, long or real).</summary>
    /// <param name="type">The type.</param>
    /// <returns><see langword="true"/> for numbers.</returns>
    public static bool IsNumeric(this KqlType type) => type is KqlType.Int or KqlType.Long or KqlType.Real;

    /// <summary>Parses a KQL type name used in table definitions.</summary>
    /// <param name="name">The KQL name.</param>
    /// <returns>The type.</returns>
    internal static KqlType Parse(string name) => name switch
    {
        "bool" => KqlType.Bool,
        "datetime" => KqlType.DateTime,
        "dynamic" => KqlType.Dynamic,
        "int" => KqlType.Int,
        "long" => KqlType.Long,
        "real" => KqlType.Real,
        "string" => KqlType.String,
        "timespan" => KqlType.TimeSpan,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown KQL type."),
    };
}
