using DefenderApi.Emulator.Errors;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace DefenderApi.Emulator.Auth;

/// <summary>
/// The permissions an endpoint's reference page lists: any one of the application roles (<c>roles</c> claim) or of
/// the delegated scopes (<c>scp</c> claim) suffices.
/// </summary>
/// <param name="Application">Application permissions, e.g. <c>Machine.Read.All</c>, <c>Machine.ReadWrite.All</c>.</param>
/// <param name="Delegated">Delegated permissions, e.g. <c>Machine.Read</c>.</param>
public sealed record PermissionRequirement(IReadOnlyList<string> Application, IReadOnlyList<string> Delegated) : IAuthorizationRequirement
{
    /// <summary>The permission list as written in messages.</summary>
    public string Describe() => string.Join(", ", Application.Concat(Delegated));
}

/// <summary>Grants a <see cref="PermissionRequirement"/> when the token holds one of its permissions.</summary>
internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        var scopes = user.FindFirst("scp")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var granted = scopes.Length > 0
            ? requirement.Delegated.Any(scopes.Contains)
            : requirement.Application.Any(role => user.HasClaim("roles", role));
        if (granted)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Sends authorization failures through the error writer: 401 for no valid token, 403 naming what is missing.</summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>().FirstOrDefault();
            return ErrorWriter.WriteAsync(context, DefenderErrors.Forbidden(missing is null
                ? "valid token but insufficient permission for the action"
                : $"the token has none of the permissions this action requires: {missing.Describe()}"));
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Declares an endpoint's documented permissions.</summary>
public static class PermissionEndpointExtensions
{
    /// <summary>Requires a valid token holding one of the listed permissions (403 <c>Forbidden</c> otherwise).</summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="application">Application permissions.</param>
    /// <param name="delegated">Delegated permissions.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequirePermissions<TBuilder>(this TBuilder builder, string[] application, string[] delegated)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(application, delegated))
            .Build());
}
