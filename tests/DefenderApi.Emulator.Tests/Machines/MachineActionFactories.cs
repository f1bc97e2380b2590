using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Machines;

/// <summary>An emulator on the fake clock with the standard test machines, in a given action mode.</summary>
public abstract class ActionTenantFactoryBase : EmulatorFactory
{
    private readonly MachineActionSettings _settings;

    private protected ActionTenantFactoryBase(MachineActionSettings settings)
    {
        _settings = settings;
        UseFakeTime = true;
    }

    /// <summary>A client for the default app, with the standard machines loaded and the mode applied.</summary>
    public async Task<HttpClient> CreateLoadedClientAsync()
    {
        var client = await CreateApiClientAsync();
        if (!_loaded)
        {
            Services.GetRequiredService<MachineActionSettingsStore>().Update(_settings);
            await TestMachines.LoadStandardAsync(this);
            _loaded = true;
        }

        return client;
    }

    private bool _loaded;
}

/// <summary>Timed mode, 5 seconds (the defaults).</summary>
public sealed class ActionTenantFactory() : ActionTenantFactoryBase(MachineActionSettings.Default);

public sealed class ManualActionFactory() : ActionTenantFactoryBase(new MachineActionSettings(MachineActionMode.Manual, 0));

public sealed class ImmediateActionFactory() : ActionTenantFactoryBase(new MachineActionSettings(MachineActionMode.Immediate, 0));
