using System.Text.RegularExpressions;
using DefenderApi.Emulator.Journal;

namespace DefenderApi.Testing;

/// <summary>
/// The emulator's exchange journal, read in process, with assertions such as
/// <c>Journal.AssertRequested(HttpMethod.Post, "/api/machines/{id}/isolate")</c>.
/// </summary>
public sealed class EmulatorJournal
{
    private readonly ExchangeJournal _journal;

    internal EmulatorJournal(ExchangeJournal journal) => _journal = journal;

    /// <summary>The last <paramref name="limit"/> exchanges, newest first.</summary>
    /// <param name="limit">How many.</param>
    /// <returns>The entries.</returns>
    public IReadOnlyList<JournalEntry> Latest(int limit = 100) => [.. _journal.Latest(limit).Select(Map)];

    /// <summary>The exchange whose error answer carried <paramref name="target"/>.</summary>
    /// <param name="target">The <c>target</c> of an error envelope (e.g. <see cref="Client.DefenderRequestFailedException.Target"/>).</param>
    /// <returns>The entry, or null.</returns>
    public JournalEntry? FindByTarget(string target) => _journal.FindByTarget(target) is { } entry ? Map(entry) : null;

    /// <summary>The exchanges matching a method and a path template (<c>{name}</c> matches one segment; the <c>/api/v1.0</c> prefix is accepted too), oldest first.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path, e.g. <c>/api/machines/{id}/isolate</c>.</param>
    /// <returns>The matching entries.</returns>
    public IReadOnlyList<JournalEntry> Requests(HttpMethod method, string pathTemplate)
    {
        ArgumentNullException.ThrowIfNull(method);
        var pattern = PathPattern(pathTemplate);
        return [.. _journal.Latest(10_000)
            .Where(e => string.Equals(e.Method, method.Method, StringComparison.OrdinalIgnoreCase) && pattern.IsMatch(e.Path))
            .Reverse()
            .Select(Map)];
    }

    /// <summary>Asserts that a matching request was made (optionally with a given answer status, and an exact number of times).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path template.</param>
    /// <param name="status">The answer status the request must have had, or null for any.</param>
    /// <param name="times">The exact number of matching requests, or null for at least one.</param>
    /// <returns>The matching entries.</returns>
    /// <exception cref="EmulatorAssertionException">No (or not exactly <paramref name="times"/>) matching request.</exception>
    public IReadOnlyList<JournalEntry> AssertRequested(HttpMethod method, string pathTemplate, int? status = null, int? times = null)
    {
        var matching = Requests(method, pathTemplate).Where(e => status is null || e.Status == status).ToList();
        var ok = times is { } n ? matching.Count == n : matching.Count > 0;
        if (!ok)
        {
            var seen = string.Join(Environment.NewLine, Latest(20).Select(e => $"  {e.Method} {e.Path}{e.Query} → {e.Status}{(e.Injected ? " (injected)" : string.Empty)}"));
            throw new EmulatorAssertionException(
                $"Expected {(times is { } t ? $"exactly {t}" : "at least one")} {method} {pathTemplate}{(status is null ? string.Empty : $" answered {status}")}, found {matching.Count}. Latest exchanges:{Environment.NewLine}{seen}");
        }

        return matching;
    }

    /// <summary>Asserts that no matching request was made.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path template.</param>
    /// <exception cref="EmulatorAssertionException">A matching request was made.</exception>
    public void AssertNotRequested(HttpMethod method, string pathTemplate) => AssertRequested(method, pathTemplate, times: 0);

    /// <summary>Forgets every recorded exchange.</summary>
    public void Clear() => _journal.Clear();

    private static Regex PathPattern(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        var body = Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+");
        body = body.StartsWith("/api/", StringComparison.Ordinal) ? "/api/(?:v1\\.0/)?" + body["/api/".Length..] : body;
        return new Regex($"^{body}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static JournalEntry Map(Emulator.Journal.JournalEntry entry) => new()
    {
        Timestamp = entry.Timestamp,
        Method = entry.Method,
        Path = entry.Path,
        Query = entry.Query,
        Status = entry.Status,
        Error = entry.Error is { } error ? new JournalError(error.Code, error.Message, error.Target) : null,
        TenantId = entry.TenantId,
        ClientId = entry.ClientId,
        Injected = entry.Injected,
    };
}

/// <summary>An expectation about the emulator's journal failed.</summary>
public sealed class EmulatorAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public EmulatorAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EmulatorAssertionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EmulatorAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
