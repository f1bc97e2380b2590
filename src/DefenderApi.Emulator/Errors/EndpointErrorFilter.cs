using DefenderApi.Emulator.OpenApi;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Errors;

/// <summary>
/// Answers a <see cref="DefenderErrorException"/> thrown by a handler or endpoint filter right at the endpoint, as an
/// <see cref="ErrorResult"/>. The <see cref="ErrorHandlingMiddleware"/> would answer the same envelope, but letting the
/// exception climb through every async middleware rethrows it at each level: that made a 404 several times dearer
/// than a found entity (bench/README.md). Failures outside handlers still reach the middleware.
/// </summary>
internal sealed class EndpointErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DefenderErrorException exception) when (!context.HttpContext.Response.HasStarted)
        {
            // As in the middleware: whatever the failed handler set must not leak into the error answer.
            context.HttpContext.Response.Clear();
            return exception.Error.ToResult();
        }
    }
}

/// <summary>Maps endpoints under the error filter.</summary>
internal static class EndpointErrorFilterExtensions
{
    /// <summary>
    /// A root group whose endpoints answer thrown API errors through <see cref="EndpointErrorFilter"/>; its
    /// <c>/api</c> endpoints declare the error envelope for the common error statuses.
    /// </summary>
    /// <param name="app">The application's route builder.</param>
    /// <returns>The group to map every feature on.</returns>
    public static RouteGroupBuilder MapEndpointsAnsweringErrors(this IEndpointRouteBuilder app) =>
        app.MapGroup(string.Empty).AddEndpointFilter<EndpointErrorFilter>().WithApiErrorResponses();
}
