using System.Globalization;
using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Throttling;

/// <summary>
/// Enforces the matched endpoint's <see cref="ApiRateLimit"/> after authentication and permission checks: counted per
/// tenant, application, user (delegated tokens) and API, both windows at once. A refused call gets 429
/// <c>TooManyRequests</c> with <c>Retry-After</c> = whole seconds until the earliest instant a call is admitted again.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, IRateLimitStore store, RateLimitSettings settings, TimeProvider time)
{
    /// <summary>Counts the call, or refuses it.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<ApiRateLimit>();
        if (limit is null || CallerIdentity.From(context.User) is not { } caller)
        {
            await next(context);
            return;
        }

        var windows = settings.WindowsFor(limit, caller.TenantId);
        if (windows.Count > 0)
        {
            var now = time.GetUtcNow();
            var decision = await store.TryAcquireAsync(KeyOf(caller, limit.Api), windows, now, context.RequestAborted);
            if (!decision.Admitted)
            {
                var seconds = RetryAfterSeconds(now, decision.RetryAt);
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ErrorWriter.WriteAsync(context, DefenderErrors.TooManyRequests($"Rate limit is exceeded. Try again in {seconds} seconds."));
                return;
            }
        }

        await next(context);
    }

    /// <summary>The counter key: tenant, application, user (delegated tokens only) and API.</summary>
    /// <param name="api">The API name.</param>
    /// <returns>The key.</returns>
    public static string KeyOf(CallerIdentity caller, string api)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return $"{caller.TenantId}|{caller.ClientId}|{caller.UserId}|{api}";
    }

    /// <summary>Whole seconds from <paramref name="now"/> until <paramref name="retryAt"/>, rounded up (at least 1).</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="retryAt">The reopening instant.</param>
    /// <returns>The <c>Retry-After</c> value.</returns>
    public static long RetryAfterSeconds(DateTimeOffset now, DateTimeOffset retryAt) =>
        Math.Max(1, (long)Math.Ceiling((retryAt - now).TotalSeconds));
}
