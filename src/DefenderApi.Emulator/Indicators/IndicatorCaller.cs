using System.Security.Claims;
using DefenderApi.Emulator.Tenancy;

namespace DefenderApi.Emulator.Indicators;

/// <summary>The caller as the indicator rules see it.</summary>
/// <param name="ClientId">The calling application (indicators it creates are its own).</param>
/// <param name="Identity">The user (delegated) or application that acts, written to createdBy/lastUpdatedBy.</param>
/// <param name="SourceType">User or application.</param>
/// <param name="SeesAll">Holds <c>Ti.ReadWrite.All</c>: sees and manages every indicator of the tenant.</param>
internal sealed record IndicatorCaller(string ClientId, string Identity, IndicatorSourceType SourceType, bool SeesAll)
{
    /// <summary>The permission that lifts the own-indicators-only rule.</summary>
    public const string AllIndicatorsRole = "Ti.ReadWrite.All";

    /// <summary>Reads the caller from an authenticated principal.</summary>
    /// <param name="user">The principal.</param>
    /// <returns>The caller.</returns>
    public static IndicatorCaller From(ClaimsPrincipal user)
    {
        var identity = CallerIdentity.From(user) ?? throw new InvalidOperationException("The indicator endpoints require authentication.");
        return identity.UserId is { } userId
            ? new IndicatorCaller(identity.ClientId, userId, IndicatorSourceType.User, SeesAll: false)
            : new IndicatorCaller(identity.ClientId, identity.ClientId, IndicatorSourceType.AadApp, user.HasClaim("roles", AllIndicatorsRole));
    }
}
