using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Hosting;

/// <summary>
/// Refuses oversized request lines, too many headers and oversized headers with the envelope (400 <c>BadRequest</c>
/// naming the limit). Kestrel's own limits are set well above these (<see cref="KestrelLimits"/>), because Kestrel
/// answers its violations itself, without a body; the body limit is Kestrel's and surfaces as an exception the error
/// middleware converts.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<EmulatorOptions> options)
{
    /// <summary>Checks the limits, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{request.PathBase}{request.Path}{request.QueryString}";
        var line = request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length;
        if (line > limits.MaxRequestLineBytes)
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest($"The request line is {line} bytes; the limit is {limits.MaxRequestLineBytes} bytes"));
        }

        int count = 0, total = 0;
        foreach (var header in request.Headers)
        {
            // A repeated name is one entry of several values here, one header line each on the wire.
            count += Math.Max(header.Value.Count, 1);
            total += header.Key.Length + header.Value.Sum(v => v?.Length ?? 0) + 4;
        }

        if (count > limits.MaxRequestHeaderCount)
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest($"The request has {count} headers; the limit is {limits.MaxRequestHeaderCount}"));
        }

        if (total > limits.MaxRequestHeaderBytes)
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest($"Request headers total {total} bytes; the limit is {limits.MaxRequestHeaderBytes} bytes"));
        }

        return next(context);
    }
}
