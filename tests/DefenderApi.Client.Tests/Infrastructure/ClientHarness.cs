namespace DefenderApi.Client.Tests.Infrastructure;

/// <summary>A client over a <see cref="StubTransport"/>, with a recording clock, a stub credential and a list logger.</summary>
internal sealed class ClientHarness
{
    public static readonly Uri Endpoint = new("https://api.security.microsoft.com");

    public ClientHarness(Action<DefenderClientOptions>? configure = null)
    {
        Credential = new StubCredential(Clock);
        var options = new DefenderClientOptions
        {
            Transport = Transport,
            TimeProvider = Clock,
            LoggerFactory = Logs,
        };
        configure?.Invoke(options);
        Client = new DefenderClient(Endpoint, Credential, options);
    }

    public StubTransport Transport { get; } = new();

    public RecordingTimeProvider Clock { get; } = new();

    public ListLoggerFactory Logs { get; } = new();

    public StubCredential Credential { get; }

    public DefenderClient Client { get; }
}
