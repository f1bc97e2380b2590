using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>
/// Makes a request carrying <see cref="Header"/> come from that address before the pipeline runs, so a test on one
/// machine can be a caller outside loopback (register with <c>AddTransient&lt;IStartupFilter, RemoteAddressFilter&gt;</c>).
/// </summary>
public sealed class RemoteAddressFilter : IStartupFilter
{
    /// <summary>The request header naming the caller's address.</summary>
    public const string Header = "x-test-remote-ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header], out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
