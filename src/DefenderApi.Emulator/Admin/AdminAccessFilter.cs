using System.Net;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Errors;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Admin;

/// <summary>
/// The admin API answers loopback callers, in-process test hosts, and callers presenting the admin key
/// (<c>x-emulator-admin-key</c>) when one was configured. Everyone else gets 403 <c>Forbidden</c>.
/// </summary>
internal sealed class AdminAccessFilter(IOptions<EmulatorOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-emulator-admin-key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
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
