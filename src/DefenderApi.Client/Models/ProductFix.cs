namespace DefenderApi.Client.Models;

/// <summary>A missing security update (KB).</summary>
public sealed record ProductFix
{
    /// <summary>The KB number.</summary>
    public string? Id { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Products it fixes.</summary>
    public IReadOnlyList<string>? ProductsNames { get; init; }

    /// <summary>Where to get it.</summary>
    public string? Url { get; init; }

    /// <summary>Number of devices missing it.</summary>
    public int? MachineMissedOn { get; init; }

    /// <summary>Number of CVEs it addresses.</summary>
    public int? CveAddressed { get; init; }
}
