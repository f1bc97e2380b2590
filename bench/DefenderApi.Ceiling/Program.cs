using DefenderApi.Ceiling;
using DefenderApi.Errors;
using DefenderApi.Errors.Envelope;

// Same machine objects, serialized on every request; the 404 envelope with a fresh GUID. Nothing else.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var machines = CeilingMachine.Generate(10_000);
var byId = machines.ToDictionary(m => m.Id);
const string Context = "https://api.securitycenter.microsoft.com/api/$metadata#Machines";

app.MapGet("/api/machines", (int? top) => Results.Json(new Dictionary<string, object>
{
    ["@odata.context"] = Context,
    ["value"] = machines.Take(Math.Clamp(top ?? 100, 1, 10_000)),
}));
app.MapGet("/api/machines/{id}", async (string id, HttpContext context) =>
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
