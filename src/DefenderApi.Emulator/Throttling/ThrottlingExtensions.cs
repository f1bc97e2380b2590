using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Throttling;

/// <summary>Registers and places rate-limit enforcement.</summary>
internal static class ThrottlingExtensions
{
    /// <summary>Adds the settings (validated at start), the in-memory counter store and the limit resolver.</summary>
    public static WebApplicationBuilder AddThrottling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.TryAddSingleton<IRateLimitStore, InMemoryRateLimitStore>();
        services.TryAddSingleton<RateLimitSettings>();
        return builder;
    }

    /// <summary>Enforces documented limits; place after authorization so 401/403 come first.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.UseMiddleware<RateLimitMiddleware>();
}

/// <summary>Reports every problem with <see cref="RateLimitOptions"/> at once.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
