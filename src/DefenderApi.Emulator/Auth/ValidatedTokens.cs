using System.Collections.Concurrent;
using System.Security.Claims;
using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DefenderApi.Emulator.Auth;

/// <summary>
/// Remembers the principal of each token JwtBearer has fully validated, so that the next request with the same token
/// skips parsing it, verifying its RS256 signature and building its claims: together the largest cost of an
/// authenticated request (a third of its allocations), while a client sends one token for its whole lifetime. What
/// can change while a token lives is still checked on every use: its lifetime against <see cref="TimeProvider"/>
/// (with the same clock skew) and that its tenant still exists. The signing key never changes while the process
/// lives. A token that fails those checks takes the full validation path, which answers with the precise 401.
/// </summary>
internal sealed class ValidatedTokens(TenantDirectory tenants, TimeProvider time, IOptions<AuthOptions> auth)
{
    /// <summary>The most tokens remembered: a caller minting a token per request cannot grow the set without end.</summary>
    internal const int Capacity = 1_024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many tokens are remembered now.</summary>
    internal int Count => _entries.Count;

    /// <summary>JwtBearer's <c>OnMessageReceived</c>: authenticates a remembered, still valid token.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A completed task.</returns>
    public Task UseRememberedAsync(MessageReceivedContext context)
    {
        // Looked up by span: cutting the token out of the header was a string of about 1 KB per request.
        var header = context.Request.Headers.Authorization.ToString().AsSpan();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        var token = header["Bearer ".Length..].Trim();
        var entries = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (entries.TryGetValue(token, out var entry))
        {
            if (IsStillValid(entry))
            {
                context.Principal = entry.Principal;
                context.Success();
            }
            else
            {
                entries.TryRemove(token, out _, out _);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>JwtBearer's <c>OnTokenValidated</c>: remembers the token's principal.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A completed task.</returns>
    public Task RememberAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is JsonWebToken jwt && context.Principal is { } principal
            && Guid.TryParse(jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : null, out var tenantId))
        {
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            var notBefore = jwt.TryGetPayloadValue<long>("nbf", out _) ? jwt.ValidFrom : (DateTime?)null;
            _entries[jwt.EncodedToken] = new Entry(principal, notBefore, jwt.ValidTo, tenantId);
        }

        return Task.CompletedTask;
    }

    /// <summary>The token of a <c>Bearer</c> Authorization header, or <see langword="null"/>.</summary>
    /// <returns>The token.</returns>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    // The same rules as ConfigureJwtBearer's lifetime validator, and the tenant check of its issuer validator.
    private bool IsStillValid(Entry entry)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var skew = auth.Value.ClockSkew;
        return entry.Expires >= now - skew && (entry.NotBefore is not { } nbf || nbf <= now + skew) && tenants.Contains(entry.TenantId);
    }

    private sealed record Entry(ClaimsPrincipal Principal, DateTime? NotBefore, DateTime Expires, Guid TenantId);
}
