using System.Net.Sockets;
using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Journal;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Faults;

/// <summary>
/// Replaces real answers with injected ones, for every path outside <c>/_emulator</c>: first the
/// <c>x-emulator-fault</c> header, then the rules in creation order. Sits after authentication (so rules can match
/// the token's tenant) and before authorization, rate limits and the endpoint, so an injected answer wins over every
/// real check and is never counted against a rate limit.
/// </summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultRuleStore rules, TimeProvider time, IOptions<FaultOptions> options)
{
    /// <summary>The per-request header naming the error to answer with.</summary>
    public const string HeaderName = "x-emulator-fault";

    /// <summary>Injects a fault or runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/_emulator"))
        {
            await next(context);
            return;
        }

        if (request.Headers.TryGetValue(HeaderName, out var header))
        {
            var code = FaultErrors.ParseCode(header.ToString(), $"the {HeaderName} header");
            await InjectErrorAsync(context, "header", code);
            return;
        }

        var rule = rules.FirstHit(request.Method, request.Path.Value ?? "/", TenantOf(context));
        if (rule is null)
        {
            await next(context);
            return;
        }

        var fault = rule.Definition;
        context.Features.Set(new InjectedFault(rule.Id));
        if (fault.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.LatencyMs), time, context.RequestAborted);
        }

        if (fault.Error is { } error)
        {
            await InjectErrorAsync(context, rule.Id, error);
        }
        else if (fault.Transport is { } transport)
        {
            await BreakConnectionAsync(context, transport);
        }
        else
        {
            await next(context);
        }
    }

    private static Task InjectErrorAsync(HttpContext context, string source, DefenderErrorCode code)
    {
        context.Features.Set(new InjectedFault(source));
        if (ErrorCatalogue.StatusOf(code) == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        return ErrorWriter.WriteAsync(context, FaultErrors.For(code));
    }

    private async Task BreakConnectionAsync(HttpContext context, TransportFault transport)
    {
        if (transport == TransportFault.Timeout)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.TimeoutSeconds), time, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            if (transport == TransportFault.Reset)
            {
                // Linger 0 makes the close a TCP RST ("connection reset by peer").
                socket.LingerState = new LingerOption(true, 0);
            }
            else
            {
                // An orderly FIN before any response byte: the client reads end-of-stream ("empty reply from server").
                socket.Shutdown(SocketShutdown.Send);
            }
        }

        context.Abort();
    }

    // The validated token's tenant, or the tenant segment of the token endpoints' paths.
    private static Guid? TenantOf(HttpContext context)
    {
        if (CallerIdentity.From(context.User) is { } caller && Guid.TryParse(caller.TenantId, out var tenant))
        {
            return tenant;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var first = path.AsSpan().TrimStart('/');
        var end = first.IndexOf('/');
        return Guid.TryParse(end < 0 ? first : first[..end], out var fromPath) ? fromPath : null;
    }
}
