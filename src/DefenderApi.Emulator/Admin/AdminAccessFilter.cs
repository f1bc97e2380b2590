using System.Net;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Errors;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Admin;

/// <summary>
/// The admin API answers loopback callers, in-process test hosts, and callers presenting the admin key
/// (<c>x-emulator-admin-key</c>) when one was configured. Everyone else gets 403 <c>Forbidden</c>. An endpoint
/// carrying <see cref="AnyCaller"/> (health) answers everyone.
/// </summary>
internal sealed class AdminAccessFilter(IOptions<EmulatorOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-emulator-admin-key";

    /// <summary>Endpoint metadata: the endpoint answers every caller.</summary>
    public static readonly object AnyCaller = new AnyCallerMarker();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<AnyCallerMarker>() is not null)
        {
            return next(context);
        }

        var remote = http.Connection.RemoteIpAddress;
        var isLocal = remote is null || IPAddress.IsLoopback(remote);
        var key = options.Value.AdminKey;
        var hasKey = !string.IsNullOrEmpty(key) && string.Equals(http.Request.Headers[HeaderName], key, StringComparison.Ordinal);
        if (isLocal || hasKey)
        {
            return next(context);
        }

        throw new DefenderErrorException(DefenderErrors.Forbidden(
            "the admin API answers loopback callers, or callers sending the x-emulator-admin-key header"));
    }
}

/// <summary>The type of <see cref="AdminAccessFilter.AnyCaller"/>.</summary>
internal sealed class AnyCallerMarker;
