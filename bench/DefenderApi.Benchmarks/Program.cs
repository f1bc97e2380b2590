using System.Globalization;
using BenchmarkDotNet.Running;

namespace DefenderApi.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/DefenderApi.Benchmarks -- --filter '*'</c> runs the BenchmarkDotNet hot paths;
/// <c>-- inprocess [N]</c> times N typed-client calls through the testing kit; <c>-- starts [N]</c> times N
/// testing-kit starts in one process (and new tenants in the last); <c>-- bulkload URL [MACHINES] [ROWS]</c> times the admin
/// API's bulk load into a running emulator (bench/startup.sh); <c>-- proxy URL ROOT-PEM</c> compares direct calls with calls through the
/// intercepting proxy (bench/proxy.sh). (Not top-level statements: the
/// emulator's own <c>Program</c> is referenced here.)
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["inprocess", ..])
        {
            return await InProcessThroughput.RunAsync(CountArgument(args, 10_000));
        }

        if (args is ["proxy", _, _, ..])
        {
            return await ProxyThroughput.RunAsync(args);
        }

        if (args is ["image-starts", ..])
        {
            return await DemoImageStartup.RunAsync(CountArgument(args, 5));
        }

        if (args is ["starts", ..])
        {
            return await InProcessStartup.RunAsync(CountArgument(args, 10));
        }

        if (args is ["bulkload", var url, ..])
        {
            return await AdminBulkLoad.RunAsync(new Uri(url), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000,
                args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 300_000);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }

    // The optional count after a mode: `inprocess 10000`, `starts 5`.
    private static int CountArgument(string[] args, int fallback) =>
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : fallback;
}
