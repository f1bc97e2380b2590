namespace DefenderApi.Emulator.Tenancy;

/// <summary>The tenant and application every emulator starts with (see docs/auth.md).</summary>
internal static class DefaultTenant
{
    /// <summary>The default tenant id.</summary>
    public static readonly Guid TenantId = Guid.Parse("00000000-0000-0000-0000-000000000001");

    /// <summary>The default application's client id.</summary>
    public const string ClientId = "defender-emulator";

    /// <summary>The default application's client secret.</summary>
    public const string ClientSecret = "emulator-secret";
}
