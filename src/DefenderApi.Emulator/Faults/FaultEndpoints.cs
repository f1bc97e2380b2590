using DefenderApi.Emulator.Binding;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DefenderApi.Emulator.Faults;

/// <summary>The fault rules of the admin API: add, list, remove one, remove all.</summary>
internal static class FaultEndpoints
{
    /// <summary>Maps <c>/_emulator/faults</c> on the admin group.</summary>
    public static RouteGroupBuilder MapFaults(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var faults = admin.MapGroup("/faults").WithTags("Faults");
        faults.MapPost("/", Add).Accepts<FaultRuleRequest>("application/json");
        faults.MapGet("/", List);
        faults.MapDelete("/{id}", Remove);
        faults.MapDelete("/", Clear);
        return admin;
    }

    private static Created<FaultRuleCreated> Add(JsonBody<FaultRuleRequest> body, FaultRuleStore rules)
    {
        var rule = rules.Add(FaultRuleDefinition.From(body.Value));
        return TypedResults.Created($"/_emulator/faults/{rule.Id}", new FaultRuleCreated(rule.Id));
    }

    private static Ok<FaultRuleView[]> List(FaultRuleStore rules) => TypedResults.Ok(rules.All().Select(r => r.ToView()).ToArray());

    private static NoContent Remove(string id, FaultRuleStore rules) => rules.Remove(id)
        ? TypedResults.NoContent()
        : throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Fault rule", id));

    private static NoContent Clear(FaultRuleStore rules)
    {
        rules.Clear();
        return TypedResults.NoContent();
    }
}
