using System.Net;
using DefenderApi.Client.Models;
using DefenderApi.Errors;
using DefenderApi.Testing;

namespace DefenderApi.Client.Tests.Emulator;

/// <summary>One emulator with a single Windows 11 device; every test clears its faults first.</summary>
public sealed class FaultEmulatorFixture : DefenderEmulatorFixture
{
    public const string MachineId = "5f1c2b3a4d5e6f708192a3b4c5d6e7f809112233";

    protected override DefenderEmulatorOptions CreateOptions() => new() { Seed = "none" };

    protected override async ValueTask OnStartedAsync(DefenderEmulator emulator)
    {
        await emulator.Admin.UpdateSettingsAsync(new { machineActions = new { mode = "immediate" } });
        await emulator.Admin.LoadDataAsync(DefenderEmulator.DefaultTenantId, "machines", new[]
        {
            DefenderModelFactory.Machine(id: MachineId, computerDnsName: "ws-faults.contoso.com", osPlatform: "Windows11", version: "23H2",
                osBuild: 22631, healthStatus: "Active", onboardingStatus: "onboarded", firstSeen: emulator.Now.AddDays(-30), lastSeen: emulator.Now.AddMinutes(-5)),
        });
    }
}

public sealed class FaultInjectionTests(FaultEmulatorFixture fixture) : IClassFixture<FaultEmulatorFixture>, IAsyncLifetime
{
    private readonly DefenderEmulator _emulator = fixture.Emulator;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _emulator.Admin.ClearFaultsAsync(Ct);
        _emulator.Journal.Clear();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string> Codes => [.. ErrorCatalogue.All.Select(d => d.Code.Value)];

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task InjectedCode_SurfacesAsTheException_WithTheEmulatorsStatusCodeMessageAndTarget(string code)
    {
        await _emulator.Admin.AddFaultAsync(new FaultRule { Method = "GET", Path = "/api/machines/*", Error = code }, Ct);
        var client = _emulator.CreateClient(_emulator.Credential, o => o.Retry = new DefenderRetryOptions { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => client.GetMachineAsync(FaultEmulatorFixture.MachineId, Ct));

        Assert.Equal(ErrorCatalogue.StatusOf(code), error.Status);
        Assert.Equal(new DefenderErrorCode(code), error.ErrorCode);
        Assert.True(Guid.TryParse(error.Target, out _));
        var recorded = _emulator.Journal.FindByTarget(error.Target!);
        Assert.NotNull(recorded);
        Assert.True(recorded!.Injected);
        Assert.Equal(error.Message, recorded.Error!.Message);
        Assert.Equal(ErrorLocalizer(code), error.LocalizedDescription);
    }

    [Fact]
    public async Task Throttled_Get_IsRetriedUntilTheFaultIsSpent()
    {
        await _emulator.Admin.AddFaultAsync(new FaultRule { Method = "GET", Path = "/api/machines/*", Error = "TooManyRequests", Count = 2 }, Ct);

        var machine = await _emulator.Client.GetMachineAsync(FaultEmulatorFixture.MachineId, Ct);

        Assert.Equal("ws-faults.contoso.com", machine.ComputerDnsName);
        Assert.Equal([429, 429, 200], _emulator.Journal.Requests(HttpMethod.Get, "/api/machines/{id}").Select(e => e.Status));
    }

    [Fact]
    public async Task Throttled_AnswerAskingLongerThanMaxRetryAfter_IsNotRetried_AndTheExceptionKeepsRetryAfter()
    {
        await _emulator.Admin.AddFaultAsync(new FaultRule { Method = "GET", Path = "/api/machines/*", Error = "TooManyRequests" }, Ct);
        var client = _emulator.CreateClient(_emulator.Credential, o => o.Retry = new DefenderRetryOptions { MaxRetries = 1, Delay = TimeSpan.Zero, MaxRetryAfter = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => client.GetMachineAsync(FaultEmulatorFixture.MachineId, Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Single(_emulator.Journal.Requests(HttpMethod.Get, "/api/machines/{id}"));
    }

    [Fact]
    public async Task ServerFault_OnIsolate_IsNotRetried()
    {
        await _emulator.Admin.AddFaultAsync(new FaultRule { Method = "POST", Path = "/api/machines/*/isolate", Error = "InternalServerError", Count = 1 }, Ct);

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => _emulator.Client.IsolateMachineAsync(FaultEmulatorFixture.MachineId, "contain", IsolationType.Full, Ct));

        Assert.Equal(500, error.Status);
        _emulator.Journal.AssertRequested(HttpMethod.Post, "/api/machines/{id}/isolate", times: 1);
    }

    [Fact]
    public async Task ServerFault_OnGet_IsRetried()
    {
        await _emulator.Admin.AddFaultAsync(new FaultRule { Method = "GET", Path = "/api/machines/*", Error = "InternalServerError", Count = 1 }, Ct);

        var machine = await _emulator.Client.GetMachineAsync(FaultEmulatorFixture.MachineId, Ct);

        Assert.Equal(FaultEmulatorFixture.MachineId, machine.Id);
        Assert.Equal([500, 200], _emulator.Journal.Requests(HttpMethod.Get, "/api/machines/{id}").Select(e => e.Status));
    }

    [Fact]
    public async Task TransportReset_OnGet_IsRetried()
    {
        await _emulator.Admin.AddFaultAsync(new FaultRule { Method = "GET", Path = "/api/machines/*", Transport = "reset", Count = 1 }, Ct);

        var machine = await _emulator.Client.GetMachineAsync(FaultEmulatorFixture.MachineId, Ct);

        Assert.Equal(FaultEmulatorFixture.MachineId, machine.Id);
    }

    [Fact]
    public async Task InjectedUnauthorized_GetsOneFreshToken_ThenSurfaces()
    {
        var credential = _emulator.CreateCredential(DefenderEmulator.DefaultTenantId, DefenderEmulator.DefaultClientId, DefenderEmulator.DefaultClientSecret);
        var client = _emulator.CreateClient(credential);
        await _emulator.Admin.AddFaultAsync(new FaultRule { Method = "GET", Path = "/api/machines/*", Error = "Unauthorized" }, Ct);

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => client.GetMachineAsync(FaultEmulatorFixture.MachineId, Ct));

        Assert.Equal(DefenderErrorCode.Unauthorized, error.ErrorCode);
        Assert.Equal(2, credential.TokensIssued);
    }

    [Fact]
    public async Task ActiveRequestAlreadyExists_OptIn_ReturnsTheRealPendingAction()
    {
        await _emulator.Admin.UpdateSettingsAsync(new { machineActions = new { mode = "manual" } }, Ct);
        try
        {
            var first = await _emulator.Client.RunAntivirusScanAsync(FaultEmulatorFixture.MachineId, "scan", ScanType.Quick, Ct);
            var optIn = _emulator.CreateClient(_emulator.Credential, o => o.ReturnExistingActionOnConflict = true);

            var second = await optIn.RunAntivirusScanAsync(FaultEmulatorFixture.MachineId, "scan again", ScanType.Quick, Ct);

            Assert.Equal(first.Id, second.Id);
            await _emulator.Admin.CompleteMachineActionAsync(DefenderEmulator.DefaultTenantId, first.Id!, "Succeeded", Ct);
        }
        finally
        {
            await _emulator.Admin.UpdateSettingsAsync(new { machineActions = new { mode = "immediate" } }, Ct);
        }
    }

    private static string ErrorLocalizer(string code) => DefenderApi.Errors.Localization.ErrorLocalizer.Describe(code);
}
