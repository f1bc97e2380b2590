using DefenderApi.Client;
using DefenderApi.Client.Models;

namespace DefenderApi.Samples.Tests;

/// <summary>
/// The user's own code under test: find the device carrying a tag (or seen with an IP), isolate it, and wait until
/// the isolation is final. It knows nothing about the emulator: in production it gets a client for the real service.
/// </summary>
public sealed class IsolationPlaybook(DefenderClient client, TimeSpan pollInterval, TimeSpan timeout)
{
    /// <summary>Isolates the first device carrying <paramref name="tag"/>.</summary>
    public async Task<IsolationOutcome> IsolateByTagAsync(string tag, CancellationToken cancellationToken)
    {
        var machine = await client.FindMachinesByTagAsync(tag, cancellationToken: cancellationToken).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No device carries the tag '{tag}'.");
        return await IsolateAsync(machine, $"Playbook: device tagged {tag}", cancellationToken);
    }

    /// <summary>Isolates the device seen with an internal IP around a time.</summary>
    public async Task<IsolationOutcome> IsolateByIpAsync(string ip, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var machine = await client.FindMachinesByIpAsync(ip, seenAt, cancellationToken).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No device was seen with {ip} around {seenAt:O}.");
        return await IsolateAsync(machine, $"Playbook: device seen with {ip}", cancellationToken);
    }

    private async Task<IsolationOutcome> IsolateAsync(Machine machine, string comment, CancellationToken cancellationToken)
    {
        var action = await client.IsolateMachineAsync(machine.Id!, comment, IsolationType.Full, cancellationToken);
        var final = await client.WaitForCompletionAsync(action.Id!, pollInterval, timeout, cancellationToken);
        return new IsolationOutcome(machine, final);
    }
}

/// <summary>What the playbook did.</summary>
public sealed record IsolationOutcome(Machine Machine, MachineAction Action)
{
    /// <summary>Whether the device is isolated.</summary>
    public bool Isolated => Action.Status == MachineActionStatus.Succeeded;
}
