namespace DefenderApi.Emulator.Hosting;

/// <summary>
/// Turns the contract's start flags (<c>--in-memory</c>, <c>--seed demo</c>, <c>--virtual-clock</c>,
/// <c>--admin-key K</c>, <c>--data-dir D</c>, <c>--https</c>, <c>--proxy-passthrough</c>) into configuration keys, so every setting is also an
/// environment variable (<c>Emulator__Storage=InMemory</c>).
/// </summary>
internal static class CommandLineArguments
{
    /// <summary>The default address when neither <c>--urls</c> nor URL configuration is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5310";

    /// <summary>Rewrites the flags into <c>--Emulator:X=value</c> arguments.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns>Arguments ASP.NET Core's command-line configuration understands.</returns>
    public static string[] Normalize(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var next = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--in-memory":
                    result.Add($"--{EmulatorOptions.Section}:Storage=InMemory");
                    break;
                case "--virtual-clock":
                    result.Add($"--{EmulatorOptions.Section}:VirtualClock=true");
                    break;
                case "--https":
                    result.Add($"--{EmulatorOptions.Section}:Https=true");
                    break;
                case "--proxy-passthrough":
                    result.Add($"--{EmulatorOptions.Section}:ProxyPassthrough=true");
                    break;
                case "--seed" when next is not null:
                    result.Add($"--{EmulatorOptions.Section}:Seed={next}");
                    i++;
                    break;
                case "--admin-key" when next is not null:
                    result.Add($"--{EmulatorOptions.Section}:AdminKey={next}");
                    i++;
                    break;
                case "--data-dir" when next is not null:
                    result.Add($"--{EmulatorOptions.Section}:DataDirectory={next}");
                    i++;
                    break;
                default:
                    result.Add(args[i]);
                    break;
            }
        }

        return [.. result];
    }
}
