using System.Text.Encodings.Web;
using System.Text.Json;
using DefenderApi.Emulator.Errors;
using DefenderApi.Hunting;

namespace DefenderApi.Emulator.Hunting;

/// <summary>200 with the QueryResponse, streamed row by row (results can hold 100,000 rows).</summary>
/// <param name="Result">The query result.</param>
internal sealed record HuntingResponse(HuntingQueryResult Result) : IResult, IStatusCodeHttpResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ErrorWriter.JsonContentType;
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, WriterOptions);
        Result.WriteTo(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
