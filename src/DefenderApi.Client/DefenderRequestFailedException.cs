using System.Globalization;
using System.Net;
using DefenderApi.Errors;
using DefenderApi.Errors.Localization;

namespace DefenderApi.Client;

/// <summary>
/// The one exception for every error answer of the service: the documented envelope's code, message and
/// target, the HTTP status, the <c>Retry-After</c> hint, and for answers that are not an envelope (a proxy's
/// HTML 502, an empty 503) the raw body.
/// </summary>
public class DefenderRequestFailedException : Exception
{
    /// <summary>Creates the exception for an error answer.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="errorCode">The envelope's code; <see langword="null"/> when the body was not an envelope.</param>
    /// <param name="message">The envelope's message, or a description of the raw answer.</param>
    /// <param name="target">The envelope's target (the correlation id), when present.</param>
    /// <param name="retryAfter">The delay the service asked for, when it did.</param>
    /// <param name="rawBody">The body as received.</param>
    public DefenderRequestFailedException(
        int status, DefenderErrorCode? errorCode, string message, string? target, TimeSpan? retryAfter, string rawBody)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        Target = target;
        RetryAfter = retryAfter;
        RawBody = rawBody;
    }

    /// <summary>Creates the exception with a message only (for users' mocks).</summary>
    /// <param name="message">The message.</param>
    public DefenderRequestFailedException(string message)
        : this(0, null, message, null, null, string.Empty)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DefenderRequestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        RawBody = string.Empty;
    }

    /// <summary>Creates an empty exception.</summary>
    public DefenderRequestFailedException()
        : this(0, null, "The Defender API request failed.", null, null, string.Empty)
    {
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public int Status { get; }

    /// <summary>The HTTP status as an enum.</summary>
    public HttpStatusCode StatusCode => (HttpStatusCode)Status;

    /// <summary>
    /// The envelope's <c>error.code</c>, kept exactly as it came (unknown codes included);
    /// <see langword="null"/> when the body was not an error envelope.
    /// </summary>
    public DefenderErrorCode? ErrorCode { get; }

    /// <summary>The envelope's <c>error.target</c>: the id to quote to support, and to find the exchange in a journal.</summary>
    public string? Target { get; }

    /// <summary>The wait the service asked for in <c>Retry-After</c> (429), when present.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The body as received (the envelope JSON, or e.g. a proxy's HTML page).</summary>
    public string RawBody { get; }

    /// <summary>
    /// The documented description of <see cref="ErrorCode"/> in <see cref="CultureInfo.CurrentUICulture"/>
    /// (falling back to English), as the error page words it, placeholders included ("Hash value {the invalid hash}
    /// is invalid."); <see langword="null"/> for codes the catalogue does not know or non-envelope answers.
    /// <see cref="LocalizedMessage"/> is the same answer with the values filled in.
    /// </summary>
    public string? LocalizedDescription => DescribeIn(CultureInfo.CurrentUICulture);

    /// <summary>
    /// <see cref="Exception.Message"/> in <see cref="CultureInfo.CurrentUICulture"/>: the code's message template in that
    /// culture, filled with the values the service's English message carries (e.g. « La valeur de hachage abc n’est pas
    /// valide. »). Unlike <see cref="LocalizedDescription"/> it has no placeholders left. <see langword="null"/> when the
    /// code is unknown or the message does not follow the code's documented template.
    /// </summary>
    public string? LocalizedMessage => LocalizeIn(CultureInfo.CurrentUICulture);

    /// <summary>The service's message in a given culture (see <see cref="LocalizedMessage"/>).</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>The message, or <see langword="null"/> when the code is unknown or the message does not fit its template.</returns>
    public string? LocalizeIn(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (ErrorCode is not { } code || !ErrorCatalogue.TryGet(code, out var definition)
            || !MessageTemplateFormatter.TryParse(definition.MessageTemplate, Message, out var values))
        {
            return null;
        }

        var template = ErrorLocalizer.Resolve(code, culture).MessageTemplate;
        return MessageTemplateFormatter.Format(template, values.ToDictionary(v => v.Key, v => (object?)v.Value, StringComparer.Ordinal), culture);
    }

    /// <summary>The documented description of <see cref="ErrorCode"/> in a given culture.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>The description, or <see langword="null"/> when the code is unknown or absent.</returns>
    public string? DescribeIn(CultureInfo culture) =>
        ErrorCode is { } code && ErrorCatalogue.TryGet(code, out _) ? ErrorLocalizer.Describe(code, culture) : null;
}
