namespace DefenderApi.Emulator.Vulnerabilities.Assessments;

/// <summary>
/// The configurations the emulator assesses, by OS family: a small illustrative set (the real catalogue has
/// hundreds). <c>scid-2010</c> and <c>scid-91</c> are the demo security recommendations' configurations.
/// </summary>
internal static class SecureConfigurationCatalog
{
    private static readonly ConfigurationCheck[] Windows =
    [
        new("scid-10", "Network", "Firewall", 7.0, ExpectedUserImpact: false),
        new("scid-2000", "SecurityControls", "Antivirus", 9.0, ExpectedUserImpact: false),
        new("scid-2010", "SecurityControls", "Antivirus", 4.5, ExpectedUserImpact: true),
        new("scid-2011", "SecurityControls", "Antivirus", 8.0, ExpectedUserImpact: false),
        new("scid-2090", "SecurityControls", "BitLocker", 6.0, ExpectedUserImpact: false, ClientOnly: true),
        new("scid-91", "Accounts", "Password policy", 1.1, ExpectedUserImpact: true),
    ];

    private static readonly ConfigurationCheck[] MacOs =
    [
        new("scid-5094", "SecurityControls", "Antivirus", 9.0, ExpectedUserImpact: false),
        new("scid-5095", "SecurityControls", "Antivirus", 8.0, ExpectedUserImpact: false),
    ];

    private static readonly ConfigurationCheck[] Linux =
    [
        new("scid-6094", "SecurityControls", "Antivirus", 9.0, ExpectedUserImpact: false),
        new("scid-6095", "SecurityControls", "Antivirus", 8.0, ExpectedUserImpact: false),
    ];

    /// <summary>The configurations assessed on a platform; none for mobile platforms.</summary>
    /// <summary>Every configuration of every platform, for the configuration knowledge base.</summary>
    public static IEnumerable<ConfigurationCheck> All => Windows.Concat(MacOs).Concat(Linux);

    public static IReadOnlyList<ConfigurationCheck> For(string osPlatform) =>
        osPlatform.StartsWith("Windows", StringComparison.Ordinal) ? Windows
        : osPlatform == "macOS" ? MacOs
        : osPlatform == "Linux" ? Linux
        : [];
}

/// <summary>One assessed configuration.</summary>
/// <param name="Id">The <c>scid-N</c> id.</param>
/// <param name="Category">Category.</param>
/// <param name="Subcategory">Subcategory.</param>
/// <param name="Impact">Impact on the configuration score (1–10).</param>
/// <param name="ExpectedUserImpact">Whether applying it affects users.</param>
/// <param name="ClientOnly">Whether it applies to client Windows only (not applicable on servers).</param>
internal sealed record ConfigurationCheck(string Id, string Category, string Subcategory, double Impact, bool ExpectedUserImpact, bool ClientOnly = false);
