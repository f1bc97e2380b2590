using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DefenderApi.Emulator.Persistence.Rows;

/// <summary>
/// SQLite's column accessors called straight on a statement pointer. SQLitePCL marshals its statement SafeHandle on
/// every call (add-ref, release, a GC transition); a page of 100 machines makes about 8,000 such calls, and that
/// marshalling was a third of the page's cost. These accessors only read the current row's already-decoded values,
/// never block and never call back, which is what <see cref="SuppressGCTransitionAttribute"/> requires.
/// </summary>
internal static unsafe partial class SqliteColumns
{
    // The library SQLitePCLRaw.bundle_e_sqlite3 ships and SQLitePCL itself binds to.
    private const string Library = "e_sqlite3";

    /// <summary>The column's storage class (<c>SQLITE_INTEGER</c> … <c>SQLITE_NULL</c>).</summary>
    /// <param name="statement">The statement, on a row.</param>
    /// <param name="column">The column's position.</param>
    /// <returns>The type code.</returns>
    [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [SuppressGCTransition]
    public static partial int Type(IntPtr statement, int column);

    /// <summary>The column as an integer.</summary>
    /// <param name="statement">The statement, on a row.</param>
    /// <param name="column">The column's position.</param>
    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [SuppressGCTransition]
    public static partial long Int64(IntPtr statement, int column);

    /// <summary>The column as a real.</summary>
    /// <param name="statement">The statement, on a row.</param>
    /// <param name="column">The column's position.</param>
    [LibraryImport(Library, EntryPoint = "sqlite3_column_double")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [SuppressGCTransition]
    public static partial double Double(IntPtr statement, int column);

    /// <summary>The column's bytes as stored (a text value's UTF-8), valid until the statement moves on.</summary>
    /// <param name="statement">The statement, on a row.</param>
    /// <param name="column">The column's position.</param>
    /// <returns>The bytes.</returns>
    public static ReadOnlySpan<byte> Bytes(IntPtr statement, int column)
    {
        // sqlite3_column_bytes after sqlite3_column_blob, as SQLite documents, so the length is of the pointer returned.
        var data = Blob(statement, column);
        return data == null ? default : new ReadOnlySpan<byte>(data, ByteCount(statement, column));
    }

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [SuppressGCTransition]
    private static partial byte* Blob(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [SuppressGCTransition]
    private static partial int ByteCount(IntPtr statement, int column);
}
