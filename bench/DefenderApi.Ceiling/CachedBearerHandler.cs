using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DefenderApi.Ceiling;

/// <summary>
/// The cheapest authentication ASP.NET Core's stack can run: any bearer token is accepted and its principal is built
/// once and then looked up. With <c>--authenticated</c> the ceiling's endpoints require it, which measures the floor of
/// any API that authenticates through the framework's authentication and authorization middleware (the emulator also
/// remembers validated tokens, but checks a real signature, lifetime and tenant on top).
/// </summary>
internal sealed class CachedBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private static readonly ConcurrentDictionary<string, AuthenticationTicket> Tickets = new(StringComparer.Ordinal);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var ticket = Tickets.GetOrAdd(header, static _ => new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim("roles", "Machine.Read.All")], SchemeName)), SchemeName));
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }
}
