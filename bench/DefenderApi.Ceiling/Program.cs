using DefenderApi.Ceiling;
using DefenderApi.Errors;
using DefenderApi.Errors.Envelope;

// Same machine objects, serialized on every request; the 404 envelope with a fresh GUID. Nothing else — unless
// --authenticated, which puts the framework's cheapest authentication and authorization in front of the same endpoints
// (the floor of any API that authenticates; see CachedBearerHandler) — and unless --store DIR, which first builds the
// emulator's EF Core model and creates its schema in a fresh SQLite file in DIR (the floor of its start-up; see StoreFloor).
// --incidents FILE serves the incidents of FILE (a page the emulator answered) at /api/incidents: the same objects
// deserialized once, serialized on every request.
var authenticated = args.Contains("--authenticated");
var incidentsAt = Array.IndexOf(args, "--incidents");
var incidentsFile = incidentsAt >= 0 && incidentsAt + 1 < args.Length ? args[incidentsAt + 1] : null;
var storeAt = Array.IndexOf(args, "--store");
var storeDirectory = storeAt >= 0 && storeAt + 1 < args.Length ? args[storeAt + 1] : null;
var builder = WebApplication.CreateSlimBuilder(args.Where((a, i) => a != "--authenticated" && (storeAt < 0 || (i != storeAt && i != storeAt + 1))
    && (incidentsAt < 0 || (i != incidentsAt && i != incidentsAt + 1))).ToArray());
builder.Logging.ClearProviders();
if (authenticated)
{
    builder.Services.AddAuthentication(CachedBearerHandler.SchemeName)
        .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CachedBearerHandler>(CachedBearerHandler.SchemeName, null);
    builder.Services.AddAuthorizationBuilder()
        .AddPolicy("read", policy => policy.RequireClaim("roles", "Machine.Read.All"));
}

var app = builder.Build();
if (storeDirectory is not null)
{
    await StoreFloor.PrepareAsync(storeDirectory);
}

var machines = CeilingMachine.Generate(10_000);
var byId = machines.ToDictionary(m => m.Id);
const string Context = "https://api.securitycenter.microsoft.com/api/$metadata#Machines";

var api = app.MapGroup("/api/machines");
if (authenticated)
{
    api.RequireAuthorization("read");
}

api.MapGet("", (int? top) => Results.Json(new Dictionary<string, object>
{
    ["@odata.context"] = Context,
    ["value"] = machines.Take(Math.Clamp(top ?? 100, 1, 10_000)),
}));
api.MapGet("/{id}", async (string id, HttpContext context) =>
{
    if (byId.TryGetValue(id, out var machine))
    {
        await context.Response.WriteAsJsonAsync(machine);
        return;
    }

    context.Response.StatusCode = 404;
    context.Response.ContentType = "application/json; charset=utf-8";
    await context.Response.Body.WriteAsync(ErrorEnvelopeSerializer.ToUtf8Bytes(new ErrorEnvelope(new ErrorBody(
        "ResourceNotFound", DefenderErrors.ResourceNotFound("Machine", id).Message, Guid.NewGuid().ToString()))));
});

if (incidentsFile is not null)
{
    var page = System.Text.Json.JsonSerializer.Deserialize<CeilingIncidentPage>(await File.ReadAllTextAsync(incidentsFile), CeilingIncidentPage.Options)!;
    app.MapGet("/api/incidents", () => Results.Json(page, CeilingIncidentPage.Options));
}

await app.RunAsync();
