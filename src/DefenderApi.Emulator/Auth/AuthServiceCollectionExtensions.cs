using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Auth;

/// <summary>Registers the token service and the validation of every <c>/api</c> request.</summary>
internal static class AuthServiceCollectionExtensions
{
    /// <summary>Adds the token service, JwtBearer validation wired to the error writer, and permission checks.</summary>
    public static WebApplicationBuilder AddEmulatorAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<SigningKeyStore>();
        services.TryAddSingleton<TokenIssuer>();
        services.TryAddSingleton<TenantDirectory>();
        services.TryAddScoped<TokenRequestHandler>();
        services.AddHttpContextAccessor();
        services.TryAddScoped<CallerAccess>();
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .Validate(o => o.ClockSkew >= TimeSpan.Zero && o.ClockSkew <= TimeSpan.FromHours(1), "Emulator:Auth:ClockSkew must be between 00:00:00 and 01:00:00.")
            .ValidateOnStart();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<ValidatedTokens>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>Sets the request's tenant from the validated token.</summary>
    public static IApplicationBuilder UseTenantFromToken(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (CallerIdentity.From(context.User) is { } caller && Guid.TryParse(caller.TenantId, out var tenantId))
        {
            context.RequestServices.GetRequiredService<TenantContext>().TenantId = tenantId;
        }

        await next(context);
    });
}

/// <summary>Token validation settings (configuration section <c>Emulator:Auth</c>).</summary>
internal sealed record AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Emulator:Auth";

    /// <summary>Tolerated clock difference when checking <c>nbf</c> and <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);
}
