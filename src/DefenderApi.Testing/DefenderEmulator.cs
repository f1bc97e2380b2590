using DefenderApi.Client;
using DefenderApi.Emulator.Journal;
using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DefenderApi.Testing;

/// <summary>
/// The emulator running in process (no socket, in-memory storage) with everything a test needs:
/// <see cref="Client"/> (a ready <see cref="DefenderClient"/> as the default app), <see cref="Credential"/>,
/// <see cref="CreateHttpClient"/>, <see cref="Admin"/> (tenants, apps, data, faults, settings, reset),
/// <see cref="Journal"/> (with assertions) and <see cref="AdvanceClock"/>.
/// </summary>
public sealed class DefenderEmulator : IAsyncDisposable
{
    /// <summary>The default tenant (see docs/auth.md).</summary>
    public static readonly Guid DefaultTenantId = DefaultTenant.TenantId;

    /// <summary>The default application (every permission).</summary>
    public const string DefaultClientId = DefaultTenant.ClientId;

    /// <summary>The default application's secret.</summary>
    public const string DefaultClientSecret = DefaultTenant.ClientSecret;

    private readonly EmulatorApplicationFactory _factory;
    private readonly FakeTimeProvider? _clock;
    private readonly DefenderEmulatorOptions _options;
    private readonly HttpClient _root;

    private DefenderEmulator(DefenderEmulatorOptions options)
    {
        _options = options;
        _clock = options.VirtualClock ? new FakeTimeProvider(options.StartTime) : null;
        _factory = new EmulatorApplicationFactory(options, _clock);
        _root = CreateHttpClient();
        Admin = new EmulatorAdmin(_root);
        Scenarios = new EmulatorScenarios(_root);
        Journal = new EmulatorJournal(_factory.Services.GetRequiredService<ExchangeJournal>());
        Credential = CreateCredential(DefaultTenantId, DefaultClientId, DefaultClientSecret);
        Client = CreateClient(Credential);
    }

    /// <summary>Starts an emulator and waits until it reports ready.</summary>
    /// <param name="options">How to start it; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<DefenderEmulator> StartAsync(DefenderEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new DefenderEmulator(options ?? new DefenderEmulatorOptions());
        try
        {
            await emulator.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The emulator's root address as the in-process clients see it.</summary>
    public Uri Endpoint => _root.BaseAddress!;

    /// <summary>
    /// A client as the default app (every permission). The kit's default options never wait between retries; with a
    /// virtual clock the client reads the emulator's time but its waits (polling, backoff) run in real time.
    /// </summary>
    public DefenderClient Client { get; }

    /// <summary>A credential for the default app, getting real tokens from the emulator's token endpoint.</summary>
    public EmulatorTokenCredential Credential { get; }

    /// <summary>The admin API.</summary>
    public EmulatorAdmin Admin { get; }

    /// <summary>The exchange journal.</summary>
    public EmulatorJournal Journal { get; }

    /// <summary>Scenarios: start one, advance the clock, read its timeline (docs/scenarios.md).</summary>
    public EmulatorScenarios Scenarios { get; }

    /// <summary>The virtual clock's current time, or the real time when <see cref="DefenderEmulatorOptions.VirtualClock"/> is off.</summary>
    public DateTimeOffset Now => (_clock ?? TimeProvider.System).GetUtcNow();

    /// <summary>The emulator's clock (a <c>FakeTimeProvider</c> with <see cref="DefenderEmulatorOptions.VirtualClock"/>).</summary>
    public TimeProvider Clock => (TimeProvider?)_clock ?? TimeProvider.System;

    /// <summary>Moves the virtual clock forward (token expiry, action lifecycles, rate-limit windows follow it).</summary>
    /// <param name="by">How far.</param>
    /// <exception cref="InvalidOperationException">The emulator was not started with <see cref="DefenderEmulatorOptions.VirtualClock"/>.</exception>
    public void AdvanceClock(TimeSpan by)
    {
        if (_clock is null)
        {
            throw new InvalidOperationException("Start the emulator with DefenderEmulatorOptions.VirtualClock = true to move its clock.");
        }

        _clock.Advance(by);
    }

    /// <summary>An <see cref="HttpClient"/> to the emulator's root (no token set), over the in-process handler.</summary>
    /// <returns>The client; dispose it.</returns>
    public HttpClient CreateHttpClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// A handler that sends requests to the in-process emulator, for code that builds its own <see cref="HttpClient"/>:
    /// e.g. <c>services.AddDefenderClient(emulator.Endpoint, _ =&gt; emulator.Credential).ConfigurePrimaryHttpMessageHandler(() =&gt; emulator.CreateHandler())</c>.
    /// </summary>
    /// <returns>A new handler; the <see cref="HttpClient"/> or <c>IHttpClientFactory</c> that uses it disposes it.</returns>
    public HttpMessageHandler CreateHandler() => _factory.Server.CreateHandler();

    /// <summary>A credential for any registered application (see <see cref="EmulatorAdmin.RegisterAppAsync"/>).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="clientId">The application.</param>
    /// <param name="clientSecret">Its secret.</param>
    /// <returns>The credential.</returns>
    public EmulatorTokenCredential CreateCredential(Guid tenantId, string clientId, string clientSecret) =>
        new(_root, tenantId, clientId, clientSecret, Clock);

    /// <summary>A <see cref="DefenderClient"/> over the in-process handler with a given credential and options.</summary>
    /// <param name="credential">The credential.</param>
    /// <param name="configure">Changes the options after the kit's defaults and <see cref="DefenderEmulatorOptions.ConfigureClient"/>.</param>
    /// <returns>The client.</returns>
    public DefenderClient CreateClient(Azure.Core.TokenCredential credential, Action<DefenderClientOptions>? configure = null)
    {
        var options = new DefenderClientOptions
        {
            Transport = _factory.Server.CreateHandler(),
            TimeProvider = _clock is null ? TimeProvider.System : new VirtualTimeProvider(_clock),
            // No backoff waits, and only the one-second Retry-After of injected 429s is waited for: a real rate-limit
            // answer (its window's remaining seconds) surfaces at once as TooManyRequests, which is what a test of
            // throttling wants to see, instead of being retried into the same window.
            Retry = new DefenderRetryOptions { Delay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, MaxRetryAfter = TimeSpan.FromSeconds(1) },
        };
        _options.ConfigureClient?.Invoke(options);
        configure?.Invoke(options);
        return new DefenderClient(Endpoint, credential, options);
    }

    /// <summary>A client for a new application holding exactly <paramref name="roles"/> in the default tenant.</summary>
    /// <param name="roles">Application permissions, e.g. <c>Machine.Read.All</c>.</param>
    /// <returns>The client.</returns>
    public async Task<DefenderClient> CreateClientWithRolesAsync(params string[] roles)
    {
        var clientId = $"app-{Guid.NewGuid():N}";
        await Admin.RegisterAppAsync(DefaultTenantId, clientId, "secret", roles).ConfigureAwait(false);
        return CreateClient(CreateCredential(DefaultTenantId, clientId, "secret"));
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            using var health = await _root.GetAsync(new Uri("/_emulator/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (health.IsSuccessStatusCode)
            {
                return;
            }

            // Real time on purpose: start-up work (schema, seed) runs on the real clock even when the API's clock is virtual.
            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException("The emulator did not become ready within 30 seconds.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _root.Dispose();
        await _factory.DisposeAsync().ConfigureAwait(false);
    }
}
