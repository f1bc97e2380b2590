using DefenderApi.Errors;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Hosting;

/// <summary>
/// Refuses oversized headers with the envelope. Kestrel's own header limit is set well above this one, because
/// Kestrel answers its violations itself, without a body; the body limit is Kestrel's and surfaces as an exception
/// the error middleware converts.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<EmulatorOptions> options)
{
    /// <summary>Checks the limits, then runs the rest of the pipeline.</summary>
    /// <param name="context">The exchange.</param>
    /// <returns>A task.</returns>
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestHeaderBytes;
        var total = 0;
        foreach (var header in context.Request.Headers)
        {
            total += header.Key.Length + header.Value.Sum(v => v?.Length ?? 0) + 4;
        }

        if (total > limit)
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest($"Request headers total {total} bytes; the limit is {limit} bytes"));
        }

        return next(context);
    }
}
