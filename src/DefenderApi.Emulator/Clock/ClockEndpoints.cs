using System.Text.Json.Serialization;
using DefenderApi.Emulator.Binding;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DefenderApi.Emulator.Clock;

/// <summary><c>POST /_emulator/clock/advance</c>: moves the virtual clock (only with <c>--virtual-clock</c>).</summary>
internal static class ClockEndpoints
{
    /// <summary>The largest single advance: ten years.</summary>
    public const double MaxSeconds = 10 * 366 * 24 * 3600;

    /// <summary>Maps the clock call on the admin group.</summary>
    public static RouteHandlerBuilder MapClock(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/clock", Now);
        return admin.MapPost("/clock/advance", Advance).Accepts<ClockAdvanceRequest>("application/json");
    }

    /// <summary><c>GET /_emulator/clock</c>: the emulator's current instant and whether it is the virtual clock.</summary>
    private static Ok<ClockState> Now(TimeProvider time) => TypedResults.Ok(new ClockState(time.GetUtcNow(), time is VirtualTimeProvider));

    private static async Task<Ok<ClockNow>> Advance(JsonBody<ClockAdvanceRequest> body, TimeProvider time)
    {
        if (time is not VirtualTimeProvider clock)
        {
            throw new DefenderErrorException(DefenderErrors.DisallowedOperation(
                "The clock can only be advanced when the emulator was started with --virtual-clock"));
        }

        var seconds = body.Value.Seconds;
        if (!double.IsFinite(seconds) || seconds is < 0 or > MaxSeconds)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput(
                $"'{seconds}' for seconds; expected a number from 0 to {MaxSeconds}"));
        }

        // Due timers fire inside Advance, and a scenario step runs synchronously in its timer (under the engine's step
        // lock), so an advance blocks its thread for every step it plays. On a thread-pool worker that starved the
        // other requests on a one-core machine until the pool added a thread: reads while scenarios played had a p99
        // of 1.0-1.3 s (bench/README.md, "Scenarios, quiet run"). The advance gets a thread of its own instead.
        var by = TimeSpan.FromSeconds(seconds);
        var now = await Task.Factory.StartNew(
            () => clock.Advance(by), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return TypedResults.Ok(new ClockNow(now));
    }
}

/// <summary>The body of a clock advance.</summary>
internal sealed record ClockAdvanceRequest
{
    /// <summary>Seconds to move forward (fractions allowed).</summary>
    [JsonPropertyName("seconds")]
    public required double Seconds { get; init; }
}

/// <summary>The clock after an advance.</summary>
/// <param name="Now">The current instant.</param>
internal sealed record ClockNow([property: JsonPropertyName("now")] DateTimeOffset Now);

/// <summary>The clock as <c>GET /_emulator/clock</c> answers it.</summary>
/// <param name="Now">The current instant.</param>
/// <param name="Virtual">Whether the emulator runs on the virtual clock (only then can it be advanced).</param>
internal sealed record ClockState(
    [property: JsonPropertyName("now")] DateTimeOffset Now,
    [property: JsonPropertyName("virtual")] bool Virtual);
