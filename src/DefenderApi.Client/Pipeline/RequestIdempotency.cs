namespace DefenderApi.Client.Pipeline;

/// <summary>Marks whether a request may be repeated after a server or transport fault.</summary>
internal static class RequestIdempotency
{
    private static readonly HttpRequestOptionsKey<bool> Key = new("DefenderApi.Idempotent");

    /// <summary>Marks a request.</summary>
    public static HttpRequestMessage WithIdempotency(this HttpRequestMessage request, bool idempotent)
    {
        request.Options.Set(Key, idempotent);
        return request;
    }

    /// <summary>Whether a request was marked idempotent; unmarked GETs are, everything else unmarked is not.</summary>
    public static bool IsIdempotent(this HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var idempotent) ? idempotent : request.Method == HttpMethod.Get;
}
