namespace DefenderApi.Client.Pipeline;

/// <summary>Reads <c>Retry-After</c> in both forms: delta seconds and an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>The wait the answer asks for, relative to <paramref name="timeProvider"/>'s now; null when absent.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
