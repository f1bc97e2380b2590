using System.Text.Json.Serialization;
using DefenderApi.Client.Models;
using DefenderApi.Client.Query;
using DefenderApi.Errors;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary><c>GET /api/machineactions</c>, every page.</summary>
    /// <param name="query">Filter (id, status, machineId, type, requestor, creationDateTimeUtc), top, skip.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The machine actions.</returns>
    public virtual IAsyncEnumerable<MachineAction> GetMachineActionsAsync(ODataQuery<MachineAction>? query = null, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<MachineAction>("machineactions", query?.ToString(), cancellationToken);

    /// <summary><c>GET /api/machineactions/{id}</c>.</summary>
    /// <param name="actionId">The action id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The action.</returns>
    public virtual Task<MachineAction> GetMachineActionAsync(string actionId, CancellationToken cancellationToken = default) =>
        GetAsync<MachineAction>($"machineactions/{Escape(actionId)}", cancellationToken);

    /// <summary><c>POST /api/machines/{id}/isolate</c>. Never retried after a server fault (not idempotent).</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="comment">Why (required).</param>
    /// <param name="isolationType">Full, selective, or unmanaged-device containment; omitted when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created action.</returns>
    public virtual Task<MachineAction> IsolateMachineAsync(string machineId, string comment, IsolationType? isolationType = null, CancellationToken cancellationToken = default) =>
        StartActionAsync(machineId, "isolate", "Isolate", new IsolateBody(comment, isolationType), cancellationToken);

    /// <summary><c>POST /api/machines/{id}/unisolate</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="comment">Why (required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created action.</returns>
    public virtual Task<MachineAction> UnisolateMachineAsync(string machineId, string comment, CancellationToken cancellationToken = default) =>
        StartActionAsync(machineId, "unisolate", "Unisolate", new CommentBody(comment), cancellationToken);

    /// <summary><c>POST /api/machines/{id}/restrictCodeExecution</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="comment">Why (required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created action.</returns>
    public virtual Task<MachineAction> RestrictCodeExecutionAsync(string machineId, string comment, CancellationToken cancellationToken = default) =>
        StartActionAsync(machineId, "restrictCodeExecution", "RestrictCodeExecution", new CommentBody(comment), cancellationToken);

    /// <summary><c>POST /api/machines/{id}/unrestrictCodeExecution</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="comment">Why (required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created action.</returns>
    public virtual Task<MachineAction> UnrestrictCodeExecutionAsync(string machineId, string comment, CancellationToken cancellationToken = default) =>
        StartActionAsync(machineId, "unrestrictCodeExecution", "UnrestrictCodeExecution", new CommentBody(comment), cancellationToken);

    /// <summary><c>POST /api/machines/{id}/runAntiVirusScan</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="comment">Why (required).</param>
    /// <param name="scanType">Quick or full.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created action.</returns>
    public virtual Task<MachineAction> RunAntivirusScanAsync(string machineId, string comment, ScanType scanType, CancellationToken cancellationToken = default) =>
        StartActionAsync(machineId, "runAntiVirusScan", "RunAntiVirusScan", new ScanBody(comment, scanType), cancellationToken);

    /// <summary><c>POST /api/machines/{id}/collectInvestigationPackage</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="comment">Why (required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created action.</returns>
    public virtual Task<MachineAction> CollectInvestigationPackageAsync(string machineId, string comment, CancellationToken cancellationToken = default) =>
        StartActionAsync(machineId, "collectInvestigationPackage", "CollectInvestigationPackage", new CommentBody(comment), cancellationToken);

    /// <summary><c>POST /api/machines/{id}/StopAndQuarantineFile</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="comment">Why (required).</param>
    /// <param name="sha1">The file's SHA-1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created action.</returns>
    public virtual Task<MachineAction> StopAndQuarantineFileAsync(string machineId, string comment, string sha1, CancellationToken cancellationToken = default) =>
        StartActionAsync(machineId, "StopAndQuarantineFile", "StopAndQuarantineFile", new QuarantineBody(comment, sha1), cancellationToken);

    /// <summary><c>POST /api/machines/{id}/offboard</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="comment">Why (required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created action.</returns>
    public virtual Task<MachineAction> OffboardMachineAsync(string machineId, string comment, CancellationToken cancellationToken = default) =>
        StartActionAsync(machineId, "offboard", "Offboard", new CommentBody(comment), cancellationToken);

    /// <summary><c>POST /api/machines/{id}/runliveresponse</c>.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="request">The comment and commands.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created live response action.</returns>
    public virtual Task<MachineAction> RunLiveResponseAsync(string machineId, LiveResponseRequest request, CancellationToken cancellationToken = default) =>
        StartActionAsync(machineId, "runliveresponse", "LiveResponse", request, cancellationToken);

    /// <summary><c>POST /api/machineactions/{id}/cancel</c>.</summary>
    /// <param name="actionId">The action id.</param>
    /// <param name="comment">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cancelled action.</returns>
    public virtual Task<MachineAction> CancelMachineActionAsync(string actionId, string comment, CancellationToken cancellationToken = default) =>
        SendAsync<MachineAction>(HttpMethod.Post, $"machineactions/{Escape(actionId)}/cancel", new CommentBody(comment), idempotent: false, cancellationToken);

    /// <summary><c>GET /api/machineactions/{id}/getPackageUri</c>: a short-lived download URL of a collected package.</summary>
    /// <param name="actionId">The collect action id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The URL.</returns>
    public virtual async Task<Uri> GetPackageUriAsync(string actionId, CancellationToken cancellationToken = default) =>
        new((await GetAsync<StringValue>($"machineactions/{Escape(actionId)}/getPackageUri", cancellationToken).ConfigureAwait(false)).Value);

    /// <summary><c>GET /api/machineactions/{id}/GetLiveResponseResultDownloadLink(index=…)</c>: valid 30 minutes.</summary>
    /// <param name="actionId">The live response action id.</param>
    /// <param name="commandIndex">The zero-based command index.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The URL.</returns>
    public virtual async Task<Uri> GetLiveResponseResultDownloadLinkAsync(string actionId, int commandIndex, CancellationToken cancellationToken = default) =>
        new((await GetAsync<StringValue>($"machineactions/{Escape(actionId)}/GetLiveResponseResultDownloadLink(index={Invariant(commandIndex)})", cancellationToken).ConfigureAwait(false)).Value);

    /// <summary>
    /// Polls a machine action until it reaches a terminal status (Succeeded, Failed, TimeOut, Cancelled), every
    /// <see cref="DefenderClientOptions.ActionPollInterval"/> for at most <see cref="DefenderClientOptions.ActionTimeout"/>.
    /// </summary>
    /// <param name="actionId">The action id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The action in its terminal status (check <see cref="MachineAction.Status"/>: a failed action is returned, not thrown).</returns>
    /// <exception cref="TimeoutException">The action was not final within the options' timeout.</exception>
    public virtual Task<MachineAction> WaitForCompletionAsync(string actionId, CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(actionId, _options.ActionPollInterval, _options.ActionTimeout, cancellationToken);

    /// <summary>Polls a machine action until it reaches a terminal status (Succeeded, Failed, TimeOut, Cancelled).</summary>
    /// <param name="actionId">The action id.</param>
    /// <param name="pollInterval">The wait between polls (through <see cref="DefenderClientOptions.TimeProvider"/>).</param>
    /// <param name="timeout">How long to wait in total.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The action in its terminal status (check <see cref="MachineAction.Status"/>: a failed action is returned, not thrown).</returns>
    /// <exception cref="TimeoutException">The action was not final within <paramref name="timeout"/>.</exception>
    public virtual async Task<MachineAction> WaitForCompletionAsync(string actionId, TimeSpan pollInterval, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pollInterval, TimeSpan.Zero);
        var clock = _options.TimeProvider;
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            var action = await GetMachineActionAsync(actionId, cancellationToken).ConfigureAwait(false);
            if (MachineActionStatus.IsTerminal(action.Status))
            {
                return action;
            }

            if (clock.GetUtcNow() + pollInterval > deadline)
            {
                throw new TimeoutException($"Machine action {actionId} was still {action.Status} after {timeout}.");
            }

            await Task.Delay(pollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts an action. Never retried on 5xx or transport faults: the device may already be acting on the first
    /// request. On <c>ActiveRequestAlreadyExists</c> with <see cref="DefenderClientOptions.ReturnExistingActionOnConflict"/>,
    /// returns the action of that type already pending or in progress.
    /// </summary>
    private async Task<MachineAction> StartActionAsync(string machineId, string verb, string actionType, object body, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<MachineAction>(HttpMethod.Post, $"machines/{Escape(machineId)}/{verb}", body, idempotent: false, cancellationToken).ConfigureAwait(false);
        }
        catch (DefenderRequestFailedException conflict) when (_options.ReturnExistingActionOnConflict && conflict.ErrorCode == DefenderErrorCode.ActiveRequestAlreadyExists)
        {
            var pending = new ODataQuery<MachineAction>()
                .Filter(a => a.MachineId == machineId && a.Type == actionType && (a.Status == MachineActionStatus.Pending || a.Status == MachineActionStatus.InProgress));
            await foreach (var existing in GetMachineActionsAsync(pending, cancellationToken).ConfigureAwait(false))
            {
                return existing;
            }

            throw;
        }
    }

    private sealed record CommentBody([property: JsonPropertyName("Comment")] string Comment);

    private sealed record IsolateBody([property: JsonPropertyName("Comment")] string Comment, [property: JsonPropertyName("IsolationType")] IsolationType? IsolationType);

    private sealed record ScanBody([property: JsonPropertyName("Comment")] string Comment, [property: JsonPropertyName("ScanType")] ScanType ScanType);

    private sealed record QuarantineBody([property: JsonPropertyName("Comment")] string Comment, [property: JsonPropertyName("Sha1")] string Sha1);

    private sealed record StringValue(string Value);
}
