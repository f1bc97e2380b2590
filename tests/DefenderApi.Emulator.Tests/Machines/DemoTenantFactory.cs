using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Machines;

/// <summary>An emulator with the demo fleet (300 machines) on the fake clock.</summary>
public sealed class DemoTenantFactory : EmulatorFactory
{
    public DemoTenantFactory()
    {
        Seed = "demo";
        DemoMachines = 300;
        UseFakeTime = true;
    }
}
