namespace DefenderApi.Testing.Tests;

/// <summary>One emulator for the class's tests: empty seed, real clock.</summary>
public sealed class EmptyEmulatorFixture : DefenderEmulatorFixture
{
    protected override DefenderEmulatorOptions CreateOptions() => new() { Seed = "none" };
}
