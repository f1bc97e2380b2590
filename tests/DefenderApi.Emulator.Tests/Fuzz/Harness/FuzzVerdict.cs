using System.Collections.Concurrent;
using System.Text.Json;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Fuzz;

/// <summary>
/// The properties every answer meets: no 5xx; every answer of 400 or more is the envelope with a catalogue code and a
/// GUID target never seen before (the token service answers in Entra's shape instead). Counts what it saw.
/// </summary>
public sealed class FuzzVerdict
{
    private static readonly HashSet<string> CatalogueCodes = [.. ErrorCatalogue.All.Select(d => d.Code.Value)];

    private readonly ConcurrentDictionary<string, byte> _targets = new(StringComparer.Ordinal);
    private long _cases;
    private long _serverErrors;
    private long _withoutEnvelope;
    private long _duplicateTargets;
    private long _unsendable;
    private long _transportRejections;

    /// <summary>Cases judged.</summary>
    public long Cases => Interlocked.Read(ref _cases);

    /// <summary>Answers with a 5xx status.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Error answers that are not the envelope.</summary>
    public long WithoutEnvelope => Interlocked.Read(ref _withoutEnvelope);

    /// <summary>Targets seen twice.</summary>
    public long DuplicateTargets => Interlocked.Read(ref _duplicateTargets);

    /// <summary>Cases the HTTP client itself refused to send.</summary>
    public long Unsendable => Interlocked.Read(ref _unsendable);

    /// <summary>Cases answered with a documented transport-level rejection (a bare status).</summary>
    public long TransportRejections => Interlocked.Read(ref _transportRejections);

    /// <summary>Counts a documented transport-level rejection.</summary>
    public void CountTransportRejection() => Interlocked.Increment(ref _transportRejections);

    /// <summary>Counts a case the client could not send.</summary>
    public void CountUnsendable() => Interlocked.Increment(ref _unsendable);

    /// <summary>Judges one answer; returns the broken property, or <see langword="null"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="status">The answer's status.</param>
    /// <param name="contentType">The answer's content type.</param>
    /// <param name="body">The answer's body.</param>
    /// <returns>The problem.</returns>
    public string? Judge(FuzzRequest request, int status, string? contentType, string body)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _cases);
        if (status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
            return $"answered {status}: {body}";
        }

        if (status < 400)
        {
            return null;
        }

        // The token service answers in Entra's shape, except for what the fault injector (x-emulator-fault) answers.
        var problem = request.IsTokenRequest && EntraProblem(body) is null ? null : EnvelopeProblem(contentType, body);
        if (problem is not null)
        {
            Interlocked.Increment(ref _withoutEnvelope);
            return $"answered {status} {problem}: '{body}'";
        }

        return null;
    }

    private string? EnvelopeProblem(string? contentType, string body)
    {
        if (contentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return $"with content type '{contentType}'";
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Select(p => p.Name).SingleOrDefault() != "error")
            {
                return "without the envelope";
            }

            var error = root.GetProperty("error");
            if (!error.TryGetProperty("code", out var code) || !CatalogueCodes.Contains(code.GetString() ?? string.Empty))
            {
                return "with a code outside the catalogue";
            }

            if (!error.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
            {
                return "without a message";
            }

            if (!error.TryGetProperty("target", out var target) || !Guid.TryParse(target.GetString(), out _))
            {
                return "without a GUID target";
            }

            if (!_targets.TryAdd(target.GetString()!, 0))
            {
                Interlocked.Increment(ref _duplicateTargets);
                return "with a target already used";
            }

            return null;
        }
        catch (JsonException)
        {
            return "with a body that is not JSON";
        }
    }

    private static string? EntraProblem(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                && json.RootElement.TryGetProperty("error_description", out _)
                ? null
                : "without Entra's error shape";
        }
        catch (JsonException)
        {
            return "with a body that is not JSON";
        }
    }
}
