using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Tests.Persistence;

/// <summary>
/// A scenario step holds its write locks for its whole transaction (taken before SQLite's write lock, as requests take
/// them): the code it calls gets them at once, every other flow waits until the step is done.
/// </summary>
public sealed class TenantWriteLocksTests
{
    [Fact]
    public async Task Hold_LetsTheHoldingFlowAcquireAtOnce_WhileAnotherFlowWaitsForTheRelease()
    {
        var locks = new TenantWriteLocks();
        var tenant = Guid.NewGuid();
        Task<IDisposable> other;
        bool otherDoneWhileHeld;
        using (locks.Hold(tenant, "investigations"))
        {
            using (await locks.AcquireAsync(tenant, "investigations", TestContext.Current.CancellationToken))
            {
                // Another request: a flow that does not inherit the hold.
                using (ExecutionContext.SuppressFlow())
                {
                    other = Task.Run(() => locks.AcquireAsync(tenant, "investigations", TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
                }
            }

            otherDoneWhileHeld = other.IsCompleted;
        }

        using var afterRelease = await other;
        Assert.False(otherDoneWhileHeld);
    }

    [Fact]
    public async Task Hold_OfOneScope_DoesNotGrantAnotherScopeOrTenant()
    {
        var locks = new TenantWriteLocks();
        var tenant = Guid.NewGuid();
        using var elsewhere = await locks.AcquireAsync(tenant, "alerts", TestContext.Current.CancellationToken);
        using var otherTenant = await locks.AcquireAsync(Guid.NewGuid(), "investigations", TestContext.Current.CancellationToken);
        Task<IDisposable> waiting;
        using (locks.Hold(tenant, "investigations"))
        {
            waiting = locks.AcquireAsync(tenant, "alerts", TestContext.Current.CancellationToken);
            Assert.False(waiting.IsCompleted);
        }

        elsewhere.Dispose();
        using var acquired = await waiting;
        Assert.True(waiting.IsCompletedSuccessfully);
    }
}
