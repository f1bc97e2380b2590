namespace DefenderApi.Emulator.Admin.Data;

/// <summary>The rule every loader applies to an item's id: present, and free of control characters (no API id has one).</summary>
internal static class LoadedIds
{
    /// <summary>The problem with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The loaded id.</param>
    /// <param name="name">Its JSON property name.</param>
    /// <returns>The problem.</returns>
    public static string? Problem(string? id, string name) => id switch
    {
        _ when string.IsNullOrWhiteSpace(id) => $"{name} is missing",
        _ when id.Any(char.IsControl) => $"{name} contains control characters",
        _ => null,
    };
}
