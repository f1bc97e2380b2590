namespace DefenderApi.Client;

/// <summary>The documented API hosts.</summary>
public static class DefenderEndpoints
{
    /// <summary><c>https://api.security.microsoft.com</c>: the base URI the API list names.</summary>
    public static Uri Default { get; } = new("https://api.security.microsoft.com");

    /// <summary><c>https://api.securitycenter.microsoft.com</c>: the host most method pages use.</summary>
    public static Uri SecurityCenter { get; } = new("https://api.securitycenter.microsoft.com");

    /// <summary>The regional host of a data location (<c>us.api.security.microsoft.com</c> and so on), for lower latency.</summary>
    /// <param name="region">The region.</param>
    /// <returns>The host.</returns>
    public static Uri ForRegion(DefenderRegion region) => region switch
    {
        DefenderRegion.UnitedStates => new("https://us.api.security.microsoft.com"),
        DefenderRegion.Europe => new("https://eu.api.security.microsoft.com"),
        DefenderRegion.UnitedKingdom => new("https://uk.api.security.microsoft.com"),
        DefenderRegion.Australia => new("https://au.api.security.microsoft.com"),
        DefenderRegion.Switzerland => new("https://swa.api.security.microsoft.com"),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown region."),
    };
}

/// <summary>The data locations with their own API host.</summary>
public enum DefenderRegion
{
    /// <summary><c>us.api.security.microsoft.com</c>.</summary>
    UnitedStates,

    /// <summary><c>eu.api.security.microsoft.com</c>.</summary>
    Europe,

    /// <summary><c>uk.api.security.microsoft.com</c>.</summary>
    UnitedKingdom,

    /// <summary><c>au.api.security.microsoft.com</c>.</summary>
    Australia,

    /// <summary><c>swa.api.security.microsoft.com</c>.</summary>
    Switzerland,
}
