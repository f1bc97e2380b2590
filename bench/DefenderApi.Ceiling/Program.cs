using DefenderApi.Ceiling;
using DefenderApi.Errors;
using DefenderApi.Errors.Envelope;

// Same machine objects, serialized on every request; the 404 envelope with a fresh GUID. Nothing else — unless
// --authenticated, which puts the framework's cheapest authentication and authorization in front of the same endpoints
// (the floor of any API that authenticates; see CachedBearerHandler).
var authenticated = args.Contains("--authenticated");
var builder = WebApplication.CreateSlimBuilder(args.Where(a => a != "--authenticated").ToArray());
builder.Logging.ClearProviders();
if (authenticated)
{
    builder.Services.AddAuthentication(CachedBearerHandler.SchemeName)
        .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CachedBearerHandler>(CachedBearerHandler.SchemeName, null);
    builder.Services.AddAuthorizationBuilder()
        .AddPolicy("read", policy => policy.RequireClaim("roles", "Machine.Read.All"));
}

var app = builder.Build();

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

app.Run();
