namespace DefenderApi.Emulator.Fuzz;

/// <summary>What a route's body is.</summary>
public enum FuzzBodyKind
{
    /// <summary>No body.</summary>
    None,

    /// <summary>A JSON body shaped after <see cref="FuzzRoute.Example"/>.</summary>
    Json,

    /// <summary>A multipart form (library upload).</summary>
    Multipart,

    /// <summary>A URL-encoded form (token service).</summary>
    Form,
}

/// <summary>One route of every endpoint family, with a valid example body the generators mutate.</summary>
/// <param name="Method">The route's method.</param>
/// <param name="Template">The path; <c>{m}</c> machine id, <c>{a}</c> alert id, <c>{i}</c> indicator id, <c>{x}</c> any id.</param>
/// <param name="Kind">The body kind.</param>
/// <param name="Example">A valid JSON body (for <see cref="FuzzBodyKind.Json"/>).</param>
public sealed record FuzzRoute(string Method, string Template, FuzzBodyKind Kind = FuzzBodyKind.None, string Example = "")
{
    /// <summary>Known ids the fuzz run's data set holds (loaded by <see cref="FuzzData"/>).</summary>
    public const string Machine = "1111111111111111111111111111111111111111";

    /// <summary>An alert of the data set.</summary>
    public const string Alert = "fuzz-alert-1";

    /// <summary>Every endpoint family.</summary>
    public static IReadOnlyList<FuzzRoute> All { get; } =
    [
        new("GET", "/api/machines"),
        new("GET", "/api/machines/{m}"),
        new("GET", "/api/machines/{m}/logonusers"),
        new("GET", "/api/machines/{m}/alerts"),
        new("GET", "/api/machines/{m}/software"),
        new("GET", "/api/machines/{m}/vulnerabilities"),
        new("GET", "/api/machines/{m}/recommendations"),
        new("GET", "/api/machines/{m}/getmissingkbs"),
        new("GET", "/api/machines/findbytag?tag={x}"),
        new("GET", "/api/machines/findbyip(ip='{x}',timestamp={x})"),
        new("PATCH", "/api/machines/{m}", FuzzBodyKind.Json, """{"deviceValue":"High","machineTags":["a","b"]}"""),
        new("POST", "/api/machines/{m}/tags", FuzzBodyKind.Json, """{"Value":"tag","Action":"Add"}"""),
        new("POST", "/api/machines/AddOrRemoveTagForMultipleMachines", FuzzBodyKind.Json, """{"Value":"tag","Action":"Remove","MachineIds":["1111111111111111111111111111111111111111"]}"""),
        new("POST", "/api/machines/{m}/setDeviceValue", FuzzBodyKind.Json, """{"DeviceValue":"Low"}"""),
        new("POST", "/api/machines/{m}/isolate", FuzzBodyKind.Json, """{"Comment":"c","IsolationType":"Selective"}"""),
        new("POST", "/api/machines/{m}/unisolate", FuzzBodyKind.Json, """{"Comment":"c"}"""),
        new("POST", "/api/machines/{m}/restrictCodeExecution", FuzzBodyKind.Json, """{"Comment":"c"}"""),
        new("POST", "/api/machines/{m}/runAntiVirusScan", FuzzBodyKind.Json, """{"Comment":"c","ScanType":"Quick"}"""),
        new("POST", "/api/machines/{m}/collectInvestigationPackage", FuzzBodyKind.Json, """{"Comment":"c"}"""),
        new("POST", "/api/machines/{m}/StopAndQuarantineFile", FuzzBodyKind.Json, """{"Comment":"c","Sha1":"87662bc3d60e4200ceaf7aae249d1c343f4b83c9"}"""),
        new("POST", "/api/machines/{m}/offboard", FuzzBodyKind.Json, """{"Comment":"c"}"""),
        new("POST", "/api/machines/{m}/runliveresponse", FuzzBodyKind.Json, """{"Comment":"c","Commands":[{"type":"RunScript","params":[{"key":"ScriptName","value":"x.ps1"}]}]}"""),
        new("POST", "/api/machines/{m}/startInvestigation", FuzzBodyKind.Json, """{"Comment":"c"}"""),
        new("GET", "/api/machineactions"),
        new("GET", "/api/machineactions/{x}"),
        new("POST", "/api/machineactions/{x}/cancel", FuzzBodyKind.Json, """{"Comment":"c"}"""),
        new("GET", "/api/machineactions/{x}/getPackageUri"),
        new("GET", "/api/alerts"),
        new("GET", "/api/alerts/{a}"),
        new("GET", "/api/alerts/{a}/files"),
        new("GET", "/api/alerts/{a}/domains"),
        new("GET", "/api/alerts/{a}/ips"),
        new("GET", "/api/alerts/{a}/machine"),
        new("GET", "/api/alerts/{a}/user"),
        new("PATCH", "/api/alerts/{a}", FuzzBodyKind.Json, """{"status":"InProgress","comment":"c","classification":"TruePositive","determination":"Malware"}"""),
        new("POST", "/api/alerts/batchUpdate", FuzzBodyKind.Json, """{"AlertIds":["fuzz-alert-1"],"Status":"Resolved","Comment":"c"}"""),
        new("POST", "/api/alerts/CreateAlertByReference", FuzzBodyKind.Json, """{"machineId":"1111111111111111111111111111111111111111","severity":"Low","title":"t","description":"d","recommendedAction":"r","eventTime":"2026-11-01T10:00:00Z","reportId":"1","category":"Malware"}"""),
        new("GET", "/api/indicators"),
        new("POST", "/api/indicators", FuzzBodyKind.Json, """{"indicatorValue":"87662bc3d60e4200ceaf7aae249d1c343f4b83c9","indicatorType":"FileSha1","action":"Alert","title":"t","description":"d","severity":"Informational"}"""),
        new("POST", "/api/indicators/import", FuzzBodyKind.Json, """{"Indicators":[{"indicatorValue":"evil.example","indicatorType":"DomainName","action":"Block","title":"t","description":"d"}]}"""),
        new("POST", "/api/indicators/BatchDelete", FuzzBodyKind.Json, """{"IndicatorIds":["1"]}"""),
        new("DELETE", "/api/indicators/{i}"),
        new("GET", "/api/files/{x}"),
        new("GET", "/api/files/{x}/stats"),
        new("GET", "/api/ips/{x}/stats"),
        new("GET", "/api/domains/{x}/stats"),
        new("GET", "/api/users/{x}/alerts"),
        new("GET", "/api/investigations"),
        new("GET", "/api/investigations/{x}"),
        new("GET", "/api/Software"),
        new("GET", "/api/Software/{x}/machineReferences"),
        new("GET", "/api/vulnerabilities"),
        new("GET", "/api/recommendations"),
        new("GET", "/api/deviceavinfo"),
        new("GET", "/api/libraryfiles"),
        new("POST", "/api/libraryfiles", FuzzBodyKind.Multipart),
        new("DELETE", "/api/libraryfiles/{x}"),
        new("POST", "/api/advancedqueries/run", FuzzBodyKind.Json, """{"Query":"DeviceProcessEvents | take 1"}"""),
        new("POST", "/api/advancedhunting/run", FuzzBodyKind.Json, """{"Query":"DeviceInfo | summarize count() by OSPlatform"}"""),
        new("GET", "/api/$metadata"),
        new("GET", "/api/v1.0/machines"),
        new("GET", "/api/nothing/here"),
        new("POST", "/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token", FuzzBodyKind.Form),
        new("POST", "/_emulator/tenants/00000000-0000-0000-0000-000000000001/data/machines", FuzzBodyKind.Json, """[{"id":"fz1","computerDnsName":"fz1","osPlatform":"Linux","healthStatus":"Active"}]"""),
        new("POST", "/_emulator/tenants/00000000-0000-0000-0000-000000000001/data/indicators", FuzzBodyKind.Json, """[{"id":"9001","indicatorValue":"evil.example","indicatorType":"DomainName","action":"Block","title":"t","description":"d"}]"""),
        new("GET", "/_emulator/journal?limit={x}"),
    ];
}
