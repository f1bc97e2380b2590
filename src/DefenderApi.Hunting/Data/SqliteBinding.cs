using System.Globalization;
using SQLitePCL;

namespace DefenderApi.Hunting.Data;

/// <summary>Binds .NET values to SQLite statement parameters the way EF Core stores them.</summary>
public static class SqliteBinding
{
    /// <summary>Binds <paramref name="value"/> to parameter <paramref name="index"/> (1-based) of <paramref name="statement"/>.</summary>
    /// <param name="statement">The prepared statement.</param>
    /// <param name="index">The parameter's position, from 1.</param>
    /// <param name="value">
    /// <see langword="null"/>/<see cref="DBNull"/>, strings, booleans (0/1), integers, floating point, decimals
    /// (invariant text), GUIDs (upper-case text, as EF Core stores them) or byte arrays.
    /// </param>
    /// <returns>The SQLite result code.</returns>
    /// <exception cref="InvalidOperationException">A value of another type.</exception>
    public static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        short number => raw.sqlite3_bind_int64(statement, index, number),
        byte number => raw.sqlite3_bind_int64(statement, index, number),
        double number => raw.sqlite3_bind_double(statement, index, number),
        float number => raw.sqlite3_bind_double(statement, index, number),
        decimal number => raw.sqlite3_bind_text(statement, index, number.ToString(CultureInfo.InvariantCulture)),
        Guid id => raw.sqlite3_bind_text(statement, index, id.ToString().ToUpperInvariant()),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new InvalidOperationException($"No SQLite binding for a {value.GetType().Name} value (parameter {index})."),
    };
}
