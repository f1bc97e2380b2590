using System.Text;
using BenchmarkDotNet.Attributes;
using DefenderApi.Emulator.Binding;
using DefenderApi.Errors;

namespace DefenderApi.Benchmarks;

/// <summary>Binding a machine-action body: the valid path and a wrong-case property (the error path).</summary>
[MemoryDiagnoser]
public class StrictBinderBenchmarks
{
    private readonly byte[] _valid = Encoding.UTF8.GetBytes("""{"Comment":"Isolate machine due to alert 1234","IsolationType":"Selective"}""");
    private readonly byte[] _wrongCase = Encoding.UTF8.GetBytes("""{"comment":"Isolate machine due to alert 1234","IsolationType":"Selective"}""");

    public enum IsolationType
    {
        Full,
        Selective,
        UnManagedDevice,
    }

    public sealed record IsolateBody
    {
        public required string Comment { get; init; }

        public IsolationType? IsolationType { get; init; }
    }

    [Benchmark]
    public IsolateBody BindValid() => StrictJsonBinder.Bind<IsolateBody>(_valid);

    [Benchmark]
    public DefenderErrorCode BindWrongCase()
    {
        try
        {
            StrictJsonBinder.Bind<IsolateBody>(_wrongCase);
            return default;
        }
        catch (DefenderErrorException ex)
        {
            return ex.Code;
        }
    }
}
