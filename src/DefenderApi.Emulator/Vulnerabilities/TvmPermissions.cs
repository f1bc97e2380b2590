namespace DefenderApi.Emulator.Vulnerabilities;

/// <summary>The TVM permissions the pages list.</summary>
internal static class TvmPermissions
{
    public static readonly string[] SoftwareApp = ["Software.Read.All"];
    public static readonly string[] SoftwareDelegated = ["Software.Read"];
    public static readonly string[] VulnerabilityApp = ["Vulnerability.Read.All"];
    public static readonly string[] VulnerabilityDelegated = ["Vulnerability.Read"];
    public static readonly string[] RecommendationApp = ["SecurityRecommendation.Read.All"];
    public static readonly string[] RecommendationDelegated = ["SecurityRecommendation.Read"];
    public static readonly string[] ScoreApp = ["Score.Read.All"];
    public static readonly string[] ScoreDelegated = ["Score.Read"];
}
