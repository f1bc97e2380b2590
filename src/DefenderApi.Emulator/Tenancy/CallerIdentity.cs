using System.Security.Claims;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>Who is calling, read from a validated token's claims.</summary>
/// <param name="TenantId">The <c>tid</c> claim.</param>
/// <param name="ClientId">The <c>appid</c> (v1) or <c>azp</c> (v2) claim.</param>
/// <param name="UserId">The user's <c>oid</c> for delegated tokens; <see langword="null"/> for app tokens.</param>
public sealed record CallerIdentity(string TenantId, string ClientId, string? UserId)
{
    /// <summary>Reads the identity of an authenticated principal.</summary>
    /// <param name="user">The principal.</param>
    /// <returns>The identity, or <see langword="null"/> when unauthenticated.</returns>
    public static CallerIdentity? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || user.FindFirst("tid")?.Value is not { } tenant)
        {
            return null;
        }

        var client = user.FindFirst("appid")?.Value ?? user.FindFirst("azp")?.Value ?? string.Empty;
        var isDelegated = user.FindFirst("scp") is not null;
        return new CallerIdentity(tenant, client, isDelegated ? user.FindFirst("oid")?.Value : null);
    }
}
