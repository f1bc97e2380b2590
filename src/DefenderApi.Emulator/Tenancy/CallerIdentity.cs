using System.Security.Claims;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>Who is calling, read from a validated token's claims.</summary>
/// <param name="TenantId">The <c>tid</c> claim.</param>
/// <param name="ClientId">The <c>appid</c> (v1) or <c>azp</c> (v2) claim.</param>
/// <param name="UserId">The user's <c>oid</c> for delegated tokens; <see langword="null"/> for app tokens.</param>
internal sealed record CallerIdentity(string TenantId, string ClientId, string? UserId)
{
    /// <summary>Reads the identity of an authenticated principal.</summary>
    /// <param name="user">The principal.</param>
    /// <returns>The identity, or <see langword="null"/> when unauthenticated.</returns>
    public static CallerIdentity? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Known.TryGetValue(user, out var known))
        {
            return known;
        }

        if (user.Identity?.IsAuthenticated != true || user.FindFirst("tid")?.Value is not { } tenant)
        {
            return null;
        }

        var client = user.FindFirst("appid")?.Value ?? user.FindFirst("azp")?.Value ?? string.Empty;
        var isDelegated = user.FindFirst("scp") is not null;
        var identity = new CallerIdentity(tenant, client, isDelegated ? user.FindFirst("oid")?.Value : null);
        Known.AddOrUpdate(user, identity);
        return identity;
    }

    // A request reads its caller several times, and a remembered token (ValidatedTokens) brings the same principal
    // back on every request: claim searches were a tenth of a request's allocations. Principals are never changed
    // once authenticated, so the identity read from one stays right for its lifetime.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClaimsPrincipal, CallerIdentity> Known = new();
}
