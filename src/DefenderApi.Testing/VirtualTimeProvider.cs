namespace DefenderApi.Testing;

/// <summary>
/// The clock the kit's clients use with a virtual emulator clock: "now" is the emulator's virtual time (so token
/// expiry and <c>Retry-After</c> dates agree with the emulator), while waits run in real time (so a client polling or
/// backing off does not hang until the test advances the clock).
/// </summary>
internal sealed class VirtualTimeProvider(TimeProvider virtualClock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => virtualClock.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
