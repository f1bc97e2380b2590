using DefenderApi.Errors;

namespace DefenderApi.Emulator.Errors;

/// <summary>An endpoint result that answers with an error envelope through <see cref="ErrorWriter"/>.</summary>
/// <param name="Error">The error.</param>
internal sealed record ErrorResult(DefenderError Error) : IResult, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => Error.Status;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) => ErrorWriter.WriteAsync(httpContext, Error);
}

/// <summary>Turns errors into results.</summary>
internal static class ErrorResultExtensions
{
    /// <summary>Wraps the error as an endpoint result.</summary>
    /// <param name="error">The error.</param>
    public static ErrorResult ToResult(this DefenderError error) => new(error);
}
