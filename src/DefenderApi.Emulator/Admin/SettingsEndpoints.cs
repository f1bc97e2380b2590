using System.Globalization;
using System.Text.Json.Serialization;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DefenderApi.Emulator.Admin;

/// <summary><c>GET/PUT /_emulator/settings</c>: machine-action lifecycle, rate limits and page sizes; a PUT changes only what it names.</summary>
internal static class SettingsEndpoints
{
    /// <summary>The longest timed machine action, in seconds: one day.</summary>
    public const int MaxActionSeconds = 86_400;

    /// <summary>Maps the settings calls on the admin group.</summary>
    public static RouteGroupBuilder MapSettings(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/settings", Get);
        admin.MapPut("/settings", Put).Accepts<SettingsPatch>("application/json");
        return admin;
    }

    private static Ok<SettingsView> Get(MachineActionSettingsStore actions, RateLimitSettings limits, ODataPageSizes pages) =>
        TypedResults.Ok(SettingsView.Of(actions, limits, pages));

    private static Ok<SettingsView> Put(
        JsonBody<SettingsPatch> body, MachineActionSettingsStore actions, RateLimitSettings limits, ODataPageSizes pages, EmulatorEdmModel edm)
    {
        var patch = body.Value;

        // Validate everything before changing anything: a rejected PUT changes nothing.
        var mode = patch.MachineActions?.Mode is { } name ? ParseMode(name) : actions.Current.Mode;
        var seconds = patch.MachineActions?.Seconds ?? actions.Current.Seconds;
        if (seconds is < 0 or > MaxActionSeconds)
        {
            throw Invalid(seconds.ToString(CultureInfo.InvariantCulture), "machineActions.seconds", $"an integer from 0 to {MaxActionSeconds}");
        }

        var current = limits.Current;
        var scale = patch.RateLimits?.Scale ?? current.Scale;
        if (!RateLimitOptions.IsValidScale(scale))
        {
            throw Invalid(scale.ToString(CultureInfo.InvariantCulture), "rateLimits.scale", "a number greater than 0 and at most 1000");
        }

        var pageSizes = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (collection, size) in patch.PageSizes ?? new Dictionary<string, int?>())
        {
            var entitySet = edm.FindEntitySetName(collection) ?? throw Invalid(collection, "pageSizes", "the name of an OData collection, e.g. Alerts or Machines");
            pageSizes[entitySet] = size is null or (>= 1 and <= ODataPageSizes.MaxPageSize)
                ? size
                : throw Invalid(size.Value.ToString(CultureInfo.InvariantCulture), $"pageSizes.{entitySet}", $"an integer from 1 to {ODataPageSizes.MaxPageSize}, or null");
        }

        actions.Update(new MachineActionSettings(mode, seconds));
        limits.Update(new RateLimitState(patch.RateLimits?.Enabled ?? current.Enabled, scale));
        pages.Update(pageSizes);
        return TypedResults.Ok(SettingsView.Of(actions, limits, pages));
    }

    private static MachineActionMode ParseMode(string mode) => mode switch
    {
        "immediate" => MachineActionMode.Immediate,
        "timed" => MachineActionMode.Timed,
        "manual" => MachineActionMode.Manual,
        _ => throw Invalid(mode, "machineActions.mode", "immediate, timed or manual"),
    };

    private static DefenderErrorException Invalid(string value, string name, string expected) =>
        new(DefenderErrors.InvalidInput($"'{value}' for {name}; expected {expected}"));
}

/// <summary>Every emulator setting, as <c>GET/PUT /_emulator/settings</c> answer.</summary>
/// <param name="MachineActions">The machine-action lifecycle.</param>
/// <param name="RateLimits">The rate limits.</param>
/// <param name="PageSizes">The page-size overrides by entity set (collections not named page at their documented size).</param>
internal sealed record SettingsView(
    [property: JsonPropertyName("machineActions")] MachineActionSettings MachineActions,
    [property: JsonPropertyName("rateLimits")] RateLimitsView RateLimits,
    [property: JsonPropertyName("pageSizes")] IReadOnlyDictionary<string, int> PageSizes)
{
    /// <summary>Reads the current settings.</summary>
    /// <param name="actions">The machine-action settings.</param>
    /// <param name="limits">The rate-limit settings.</param>
    /// <param name="pages">The page sizes.</param>
    /// <returns>The view.</returns>
    public static SettingsView Of(MachineActionSettingsStore actions, RateLimitSettings limits, ODataPageSizes pages)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(pages);
        var state = limits.Current;
        return new(actions.Current, new RateLimitsView(state.Enabled, state.Scale), pages.Current);
    }
}

/// <summary>The rate-limit settings.</summary>
internal sealed record RateLimitsView([property: JsonPropertyName("enabled")] bool Enabled, [property: JsonPropertyName("scale")] double Scale);

/// <summary>The body of <c>PUT /_emulator/settings</c>; absent members keep their value.</summary>
internal sealed record SettingsPatch
{
    /// <summary>Machine-action settings to change.</summary>
    [JsonPropertyName("machineActions")]
    public MachineActionsPatch? MachineActions { get; init; }

    /// <summary>Rate-limit settings to change.</summary>
    [JsonPropertyName("rateLimits")]
    public RateLimitsPatch? RateLimits { get; init; }

    /// <summary>Page sizes to change by entity set (e.g. <c>{"Alerts":50}</c>); <see langword="null"/> restores the documented size.</summary>
    [JsonPropertyName("pageSizes")]
    public IReadOnlyDictionary<string, int?>? PageSizes { get; init; }
}

/// <summary>Machine-action settings to change.</summary>
internal sealed record MachineActionsPatch
{
    /// <summary><c>immediate</c>, <c>timed</c> or <c>manual</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary>Seconds until a timed action completes.</summary>
    [JsonPropertyName("seconds")]
    public int? Seconds { get; init; }
}

/// <summary>Rate-limit settings to change.</summary>
internal sealed record RateLimitsPatch
{
    /// <summary>Whether limits are enforced.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>Factor applied to every documented limit.</summary>
    [JsonPropertyName("scale")]
    public double? Scale { get; init; }
}
