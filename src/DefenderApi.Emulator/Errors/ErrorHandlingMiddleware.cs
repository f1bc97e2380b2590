using System.Text.Json;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace DefenderApi.Emulator.Errors;

/// <summary>
/// Catches every failure below it and answers through <see cref="ErrorWriter"/>: thrown
/// <see cref="DefenderErrorException"/>s, Kestrel and binding failures, unhandled exceptions (500, no detail),
/// and bodiless error statuses set by routing (404, 405) or framework components.
/// </summary>
internal sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    /// <summary>Runs the rest of the pipeline and converts its failures.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        DefenderError? error;
        var thrown = true;
        try
        {
            await next(context);
            thrown = false;
            error = BodilessStatusError(context);
        }
        catch (DefenderErrorException ex)
        {
            error = ex.Error;
        }
        catch (BadHttpRequestException ex)
        {
            error = FromBadRequest(ex, context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            LogUnhandled(logger, ex, context.Request.Method, context.Request.Path);
            error = DefenderErrors.Internal();
        }

        if (error is null || context.Response.HasStarted)
        {
            return;
        }

        if (thrown)
        {
            // Whatever the failed handler set (headers, partial status) must not leak into the error answer.
            context.Response.Clear();
        }

        await ErrorWriter.WriteAsync(context, error);
    }

    private static DefenderError? BodilessStatusError(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode < 400 || response.HasStarted || context.Features.Get<WrittenError>() is not null)
        {
            return null;
        }

        var request = context.Request;
        return response.StatusCode switch
        {
            404 => DefenderErrors.NotFound($"No resource matches {request.Method} {request.Path}"),
            405 => DefenderErrors.MethodNotAllowed(request.Method, request.Path),
            401 => DefenderErrors.Unauthorized("invalid or expired authorization header"),
            403 => DefenderErrors.Forbidden("valid token but insufficient permission for the action"),
            413 => DefenderErrors.InvalidRequestBody("the body is larger than the server accepts"),
            415 => DefenderErrors.InvalidRequestBody($"content type '{request.ContentType}' is not supported"),
            429 => DefenderErrors.TooManyRequests("Rate limit is exceeded"),
            >= 500 => DefenderErrors.Internal(),
            _ => DefenderErrors.BadRequest($"The request was not accepted (HTTP {response.StatusCode})"),
        };
    }

    private static DefenderError FromBadRequest(BadHttpRequestException ex, HttpContext context) => ex.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => DefenderErrors.InvalidRequestBody(
            $"the body exceeds the maximum of {context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes"),
        StatusCodes.Status415UnsupportedMediaType => DefenderErrors.InvalidRequestBody($"content type '{context.Request.ContentType}' is not supported"),
        _ when ex.InnerException is JsonException => DefenderErrors.InvalidRequestBody(),
        _ => DefenderErrors.InvalidInput(ex.Message),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
