using System.Globalization;
using BenchmarkDotNet.Running;
using DefenderApi.Benchmarks;

// dotnet run -c Release --project bench/DefenderApi.Benchmarks -- --filter '*'      (BenchmarkDotNet hot paths)
// dotnet run -c Release --project bench/DefenderApi.Benchmarks -- inprocess [N]     (N typed-client calls in-process)
if (args is ["inprocess", ..])
{
    return await InProcessThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
}

BenchmarkSwitcher.FromAssembly(typeof(ErrorEnvelopeBenchmarks).Assembly).Run(args);
return 0;
