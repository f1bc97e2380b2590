using System.Net;
using DefenderApi.Client.Models;
using DefenderApi.Client.Tests.Infrastructure;
using DefenderApi.Errors;

namespace DefenderApi.Client.Tests.Actions;

public sealed class MachineActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ActiveRequestAlreadyExists_WithOptIn_ReturnsThePendingActionOfThatType()
    {
        var harness = new ClientHarness(o => o.ReturnExistingActionOnConflict = true);
        harness.Transport
            .ThenError("ActiveRequestAlreadyExists", 400)
            .Then(HttpStatusCode.OK, """{"value":[{"id":"existing","type":"LiveResponse","status":"InProgress","machineId":"m1"}]}""");

        var action = await harness.Client.RunLiveResponseAsync("m1", new LiveResponseRequest { Comment = "c", Commands = [LiveResponseCommand.GetFile(@"C:\a.txt")] }, Ct);

        Assert.Equal("existing", action.Id);
        var lookup = harness.Transport.Requests[1];
        Assert.Equal(HttpMethod.Get, lookup.Method);
        Assert.Equal(
            "/api/machineactions?$filter=machineId eq 'm1' and type eq 'LiveResponse' and (status eq 'Pending' or status eq 'InProgress')",
            Uri.UnescapeDataString(lookup.Uri.PathAndQuery));
    }

    [Fact]
    public async Task ActiveRequestAlreadyExists_WithoutOptIn_Throws()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("ActiveRequestAlreadyExists", 400);

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.IsolateMachineAsync("m1", "c", cancellationToken: Ct));

        Assert.Equal(DefenderErrorCode.ActiveRequestAlreadyExists, error.ErrorCode);
        Assert.Single(harness.Transport.Requests);
    }

    [Fact]
    public async Task ActiveRequestAlreadyExists_WithOptIn_ButNoPendingAction_RethrowsTheOriginalError()
    {
        var harness = new ClientHarness(o => o.ReturnExistingActionOnConflict = true);
        harness.Transport.ThenError("ActiveRequestAlreadyExists", 400, target: "dddddddd-0000-0000-0000-000000000001").Then(HttpStatusCode.OK, """{"value":[]}""");

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.IsolateMachineAsync("m1", "c", cancellationToken: Ct));

        Assert.Equal("dddddddd-0000-0000-0000-000000000001", error.Target);
    }

    [Fact]
    public async Task WaitForCompletion_PollsUntilTerminal_AtThePollInterval()
    {
        var harness = new ClientHarness();
        harness.Clock.AdvanceOnDelay = true;
        harness.Transport
            .Then(HttpStatusCode.OK, """{"id":"a1","status":"Pending"}""")
            .Then(HttpStatusCode.OK, """{"id":"a1","status":"InProgress"}""")
            .Then(HttpStatusCode.OK, """{"id":"a1","status":"Succeeded"}""");

        var action = await harness.Client.WaitForCompletionAsync("a1", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(MachineActionStatus.Succeeded, action.Status);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], harness.Clock.Delays);
    }

    [Fact]
    public async Task WaitForCompletion_WithoutArguments_PollsEvery10s_AndGivesUpAfter30Minutes()
    {
        var harness = new ClientHarness();
        harness.Clock.AdvanceOnDelay = true;
        harness.Transport.Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"a1","status":"Pending"}""") };

        await Assert.ThrowsAsync<TimeoutException>(() => harness.Client.WaitForCompletionAsync("a1", Ct));

        Assert.All(harness.Clock.Delays, d => Assert.Equal(TimeSpan.FromSeconds(10), d));
        Assert.Equal(181, harness.Transport.Requests.Count);
    }

    [Fact]
    public async Task WaitForCompletion_ReturnsAFailedAction_WithoutThrowing()
    {
        var harness = new ClientHarness();
        harness.Transport.Then(HttpStatusCode.OK, """{"id":"a1","status":"Failed"}""");

        var action = await harness.Client.WaitForCompletionAsync("a1", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(MachineActionStatus.Failed, action.Status);
    }

    [Fact]
    public async Task WaitForCompletion_ThrowsTimeout_WhenNotFinalInTime()
    {
        var harness = new ClientHarness();
        harness.Clock.AdvanceOnDelay = true;
        harness.Transport.Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"a1","status":"Pending"}""") };

        await Assert.ThrowsAsync<TimeoutException>(() => harness.Client.WaitForCompletionAsync("a1", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), Ct));

        Assert.Equal(4, harness.Transport.Requests.Count);
    }

    [Fact]
    public async Task Isolate_SendsTheDocumentedBody_InTheDocumentedCase()
    {
        var harness = new ClientHarness();
        harness.Transport.Then(HttpStatusCode.Created, """{"id":"a1","type":"Isolate","scope":"Selective","status":"Pending"}""");

        var action = await harness.Client.IsolateMachineAsync("m 1", "Isolate for investigation", IsolationType.Selective, Ct);

        var request = harness.Transport.Requests.Single();
        Assert.Equal("/api/machines/m%201/isolate", request.Uri.AbsolutePath);
        Assert.Equal("""{"Comment":"Isolate for investigation","IsolationType":"Selective"}""", request.Body);
        Assert.Equal("Selective", action.Scope);
    }

    [Fact]
    public async Task LiveResponse_SendsCapitalisedTopLevel_AndLowercaseCommandProperties()
    {
        var harness = new ClientHarness();
        harness.Transport.Then(HttpStatusCode.Created, """{"id":"a1","type":"LiveResponse"}""");

        await harness.Client.RunLiveResponseAsync("m1", new LiveResponseRequest
        {
            Comment = "triage",
            Commands = [LiveResponseCommand.RunScript("collect.ps1", "-Full"), LiveResponseCommand.GetFile(@"C:\out.zip")],
        }, Ct);

        Assert.Equal(
            """{"Comment":"triage","Commands":[{"type":"RunScript","params":[{"key":"ScriptName","value":"collect.ps1"},{"key":"Args","value":"-Full"}]},{"type":"GetFile","params":[{"key":"Path","value":"C:\\out.zip"}]}]}""",
            harness.Transport.Requests.Single().Body);
    }

    [Fact]
    public async Task Tagging_AndScan_SendTheDocumentedBodies()
    {
        var harness = new ClientHarness();
        harness.Transport.Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"x","value":[]}""") };

        await harness.Client.TagMachineAsync("m1", "VIP", TagAction.Add, Ct);
        await harness.Client.TagMachinesAsync(["m1", "m2"], "VIP", TagAction.Remove, Ct);
        await harness.Client.RunAntivirusScanAsync("m1", "scan", ScanType.Full, Ct);
        await harness.Client.StopAndQuarantineFileAsync("m1", "q", "87662bc3d60e4200ceaf7aae249d1c343f4b83c9", Ct);

        Assert.Equal(
            [
                """{"Value":"VIP","Action":"Add"}""",
                """{"Value":"VIP","Action":"Remove","MachineIds":["m1","m2"]}""",
                """{"Comment":"scan","ScanType":"Full"}""",
                """{"Comment":"q","Sha1":"87662bc3d60e4200ceaf7aae249d1c343f4b83c9"}""",
            ],
            harness.Transport.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task UserAgent_CarriesTheApplicationIdAndTheClientVersion()
    {
        var harness = new ClientHarness(o => o.ApplicationId = "contoso-playbook/2.1");
        harness.Transport.Then(HttpStatusCode.OK, """{"id":"m1"}""");

        await harness.Client.GetMachineAsync("m1", Ct);

        Assert.StartsWith("contoso-playbook/2.1 DefenderApi.Client/", harness.Transport.Requests.Single().UserAgent, StringComparison.Ordinal);
    }
}
