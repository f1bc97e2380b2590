using DefenderApi.Emulator.Hosting;

namespace DefenderApi.Emulator.Tests.Hosting;

public sealed class EmulatorOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.Empty(new EmulatorOptions().Validate());

    [Fact]
    public void Validate_ReportsEveryBadDemoSizeAtOnce()
    {
        var problems = new EmulatorOptions { DemoMachines = -1, DemoAlerts = -5 }.Validate();

        Assert.Contains("DemoMachines must be between 0 and 1,000,000, not -1.", problems);
        Assert.Contains("DemoAlerts must be between 0 and 10,000,000, not -5.", problems);
    }
}
