namespace DefenderApi.Emulator.Tenancy;

/// <summary>Declares the MDE portal role a delegated caller needs for an endpoint (its page's "user role" note).</summary>
internal static class PortalRoleEndpointExtensions
{
    /// <summary>
    /// Refuses delegated callers without <paramref name="role"/> with 403 <c>Forbidden</c>; application tokens pass.
    /// Apply it after <c>RequirePermissions</c>, on the group or the endpoint.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="role">A <see cref="PortalRoles"/> name.</param>
    public static TBuilder RequirePortalRole<TBuilder>(this TBuilder builder, string role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var access = context.HttpContext.RequestServices.GetRequiredService<CallerAccess>();
            await access.DemandPortalRoleAsync(role, context.HttpContext.RequestAborted);
            return await next(context);
        });
}
