using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/DefenderApi.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(DefenderApi.Benchmarks.ErrorEnvelopeBenchmarks).Assembly).Run(args);
