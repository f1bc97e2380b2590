using System.Text;

namespace DefenderApi.Emulator.Fuzz;

/// <summary>How a fuzz case authenticates.</summary>
public enum FuzzAuth
{
    /// <summary>The default app's valid token.</summary>
    Valid,

    /// <summary>A valid token of an app holding one read role.</summary>
    Limited,

    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>A header that is not a token the emulator issued.</summary>
    Garbage,
}

/// <summary>One generated request: everything a hostile client controls.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">Path and query, as sent.</param>
/// <param name="Auth">The credential.</param>
/// <param name="GarbageAuthorization">The Authorization value for <see cref="FuzzAuth.Garbage"/>.</param>
/// <param name="Headers">Extra headers.</param>
/// <param name="ContentType">The body's content type, or <see langword="null"/>.</param>
/// <param name="Body">The body bytes, or <see langword="null"/>.</param>
public sealed record FuzzRequest(
    string Method, string Target, FuzzAuth Auth, string GarbageAuthorization, IReadOnlyList<KeyValuePair<string, string>> Headers, string? ContentType, byte[]? Body)
{
    /// <summary>Whether the request may change stored state (a refused one must not).</summary>
    public bool IsWrite => Method is "POST" or "PATCH" or "PUT" or "DELETE";

    /// <summary>
    /// Whether the path holds a NUL (<c>%00</c>): Kestrel refuses it before any application code with a bare 400, one
    /// of the documented transport-level rejections (docs/fidelity.md); the in-process test server refuses to send it.
    /// </summary>
    public bool HasNulInPath => Target.Split('?')[0].Contains("%00", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the request goes to the token service, which answers in Entra's shape.</summary>
    public bool IsTokenRequest => Target.Contains("/oauth2/", StringComparison.Ordinal);

    /// <summary>Builds the message; <see langword="null"/> when HttpClient itself refuses the request's parts.</summary>
    /// <param name="tokens">Valid tokens by kind.</param>
    /// <returns>The message.</returns>
    public HttpRequestMessage? ToMessage(IReadOnlyDictionary<FuzzAuth, string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        HttpRequestMessage message;
        try
        {
            message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Target, UriKind.Relative));
        }
        catch (UriFormatException)
        {
            return null;
        }

        var authorization = Auth switch
        {
            FuzzAuth.Valid or FuzzAuth.Limited => $"Bearer {tokens[Auth]}",
            FuzzAuth.Garbage => GarbageAuthorization,
            _ => null,
        };
        if (authorization is not null && !message.Headers.TryAddWithoutValidation("Authorization", authorization))
        {
            return null;
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                return null;
            }
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null && !message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType))
            {
                return null;
            }
        }

        return message;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Target} auth={Auth}");
        if (Auth == FuzzAuth.Garbage)
        {
            text.Append($" Authorization='{GarbageAuthorization}'");
        }

        foreach (var (name, value) in Headers)
        {
            text.Append($" {name}='{value}'");
        }

        if (Body is not null)
        {
            text.Append($" Content-Type='{ContentType}' body={Encoding.UTF8.GetString(Body)}");
        }

        return text.ToString();
    }
}
