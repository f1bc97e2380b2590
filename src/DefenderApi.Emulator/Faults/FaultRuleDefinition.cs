using System.Globalization;
using System.Text.RegularExpressions;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Faults;

/// <summary>What a transport fault does to the connection.</summary>
internal enum TransportFault
{
    /// <summary>The connection is reset (TCP RST where the server can; aborted otherwise).</summary>
    Reset,

    /// <summary>The connection is closed without a single response byte ("empty reply from server").</summary>
    Empty,

    /// <summary>No answer: the request is held until the client gives up or the cap passes, then the connection is closed.</summary>
    Timeout,
}

/// <summary>A validated fault rule: what it matches and what it injects.</summary>
internal sealed record FaultRuleDefinition(
    string? Method,
    string? Path,
    Guid? TenantId,
    DefenderErrorCode? Error,
    double Probability,
    int? Count,
    int AfterCalls,
    int LatencyMs,
    TransportFault? Transport,
    int? Seed)
{
    /// <summary>The longest latency a rule may add: ten minutes.</summary>
    public const int MaxLatencyMs = 600_000;

    /// <summary>Validates a request body, naming the first bad member (400 <c>InvalidInput</c>/<c>MissingRequiredParameter</c>).</summary>
    /// <param name="request">The body.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="DefenderErrorException">A member is invalid.</exception>
    public static FaultRuleDefinition From(FaultRuleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method is null ? null : Checked(request.Method, "method", m => m.Length > 0 && m.All(char.IsAsciiLetter), "an HTTP method such as POST");
        var path = request.Path is null ? null : Checked(request.Path, "path", p => p.StartsWith('/'), "a path pattern starting with /");
        Guid? tenant = request.TenantId is null ? null : Guid.TryParse(request.TenantId, out var t) ? t : throw Invalid(request.TenantId, "tenantId", "a tenant id (GUID)");
        DefenderErrorCode? error = request.Error is null ? default(DefenderErrorCode?) : FaultErrors.ParseCode(request.Error, "error");
        TransportFault? transport = request.Transport switch
        {
            null => null,
            "reset" => TransportFault.Reset,
            "empty" => TransportFault.Empty,
            "timeout" => TransportFault.Timeout,
            var other => throw Invalid(other, "transport", "reset, empty or timeout"),
        };
        var probability = request.Probability ?? 1.0;
        if (!double.IsFinite(probability) || probability is < 0 or > 1)
        {
            throw Invalid(probability.ToString(CultureInfo.InvariantCulture), "probability", "a number from 0 to 1");
        }

        if (request.Count is < 1)
        {
            throw Invalid(request.Count.Value.ToString(CultureInfo.InvariantCulture), "count", "a positive integer, or null for no limit");
        }

        var afterCalls = request.AfterCalls ?? 0;
        if (afterCalls < 0)
        {
            throw Invalid(afterCalls.ToString(CultureInfo.InvariantCulture), "afterCalls", "zero or a positive integer");
        }

        var latency = request.LatencyMs ?? 0;
        if (latency is < 0 or > MaxLatencyMs)
        {
            throw Invalid(latency.ToString(CultureInfo.InvariantCulture), "latencyMs", $"an integer from 0 to {MaxLatencyMs}");
        }

        if (error is not null && transport is not null)
        {
            throw Invalid(request.Transport!, "transport", "null when error is given: a rule injects an error or a transport fault, not both");
        }

        if (error is null && transport is null && latency == 0)
        {
            throw new DefenderErrorException(DefenderErrors.MissingParameter("error"));
        }

        return new FaultRuleDefinition(method?.ToUpperInvariant(), path, tenant, error, probability, request.Count, afterCalls, latency, transport, request.Seed);
    }

    /// <summary>The path pattern as an anchored, case-insensitive expression (<c>/api/v1.0</c> is the same as <c>/api</c>).</summary>
    /// <returns>The expression, or <see langword="null"/> for any path.</returns>
    public Regex? PathExpression()
    {
        if (Path is null)
        {
            return null;
        }

        var pattern = Path.StartsWith("/api/v1.0/", StringComparison.OrdinalIgnoreCase) ? "/api/" + Path["/api/v1.0/".Length..] : Path;
        var expression = Regex.Escape(pattern.TrimEnd('/'))
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex($"^{expression}/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    private static string Checked(string value, string name, Func<string, bool> isValid, string expected) =>
        isValid(value) ? value : throw Invalid(value, name, expected);

    private static DefenderErrorException Invalid(string value, string name, string expected) =>
        new(DefenderErrors.InvalidInput($"'{value}' for {name}; expected {expected}"));
}
