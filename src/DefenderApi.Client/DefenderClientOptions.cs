using Microsoft.Extensions.Logging;

namespace DefenderApi.Client;

/// <summary>Settings of a <see cref="DefenderClient"/>. Validated when the client is created.</summary>
public sealed record DefenderClientOptions
{
    /// <summary>The scope the token is requested for: the MDE application's default scope.</summary>
    public const string DefaultScope = "https://api.securitycenter.microsoft.com/.default";

    /// <summary>Which API version the paths carry. Default: none (the latest).</summary>
    public DefenderApiVersion ApiVersion { get; set; } = DefenderApiVersion.Latest;

    /// <summary>The token scope; change it for the XDR audience (<c>https://api.security.microsoft.com/.default</c>) or a sovereign cloud.</summary>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>How throttled answers, server faults and transport faults are retried.</summary>
    public DefenderRetryOptions Retry { get; set; } = new();

    /// <summary>Text put in front of the client's own <c>User-Agent</c> product token (e.g. your playbook's name).</summary>
    public string? ApplicationId { get; set; }

    /// <summary>
    /// When a machine action answers <c>ActiveRequestAlreadyExists</c>, return the action of that type that is
    /// already pending or in progress on the device instead of throwing. Off by default: callers that need to know
    /// that their own request was refused keep getting the exception.
    /// </summary>
    public bool ReturnExistingActionOnConflict { get; set; }

    /// <summary>The clock for token expiry, <c>Retry-After</c> dates and every delay. Tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where retry decisions are logged. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The innermost handler, i.e. the transport. Default: a new <see cref="SocketsHttpHandler"/>.
    /// The testing kit passes the in-process server's handler here; a proxy or custom TLS handler goes here too.
    /// </summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>
    /// The wait between polls of <see cref="DefenderClient.WaitForCompletionAsync(string, CancellationToken)"/>. Default
    /// 10 s: each poll is a call of the machine-actions rate limit (100 per minute per application).
    /// </summary>
    public TimeSpan ActionPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long <see cref="DefenderClient.WaitForCompletionAsync(string, CancellationToken)"/> waits in all. Default
    /// 30 min: a device that is offline picks an action up when it reconnects, and live response and investigation
    /// package collection take minutes.
    /// </summary>
    public TimeSpan ActionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Scope);
        ArgumentNullException.ThrowIfNull(Retry);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(ActionPollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ActionTimeout, TimeSpan.Zero);
        Retry.Validate();
    }
}

/// <summary>The API version segment of the paths.</summary>
public enum DefenderApiVersion
{
    /// <summary>No version segment (<c>/api/machines</c>): the service's latest version.</summary>
    Latest,

    /// <summary>The <c>/api/v1.0/</c> prefix.</summary>
    V1_0,
}
