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
internal sealed record PermissionRequirement(IReadOnlyList<string> Application, IReadOnlyList<string> Delegated) : IAuthorizationRequirement
{
    /// <summary>Why a token lacking the permission is refused, in the terms of its kind (app roles or user scopes).</summary>
    /// <param name="delegated">Whether the token is a user token (<c>scp</c>).</param>
    /// <returns>The reason.</returns>
    public string Describe(bool delegated) => (delegated, delegated ? Delegated.Count : Application.Count) switch
    {
        (true, 0) => "this action accepts no delegated permission; call it with an application token",
        (false, 0) => "this action accepts no application permission; call it with a user token",
        (true, _) => $"the token's scopes (scp) include none of the delegated permissions this action requires: {string.Join(", ", Delegated)}",
        _ => $"the application's roles include none of the permissions this action requires: {string.Join(", ", Application)}",
    };
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
                : missing.Describe(delegated: context.User.FindFirst("scp") is not null)));
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Declares an endpoint's documented permissions.</summary>
internal static class PermissionEndpointExtensions
{
    /// <summary>Requires a valid token holding one of the listed permissions (403 <c>Forbidden</c> otherwise).</summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="application">Application permissions.</param>
    /// <param name="delegated">Delegated permissions.</param>
    public static TBuilder RequirePermissions<TBuilder>(this TBuilder builder, string[] application, string[] delegated)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(application, delegated))
            .Build());
}
