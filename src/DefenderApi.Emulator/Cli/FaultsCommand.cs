using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace DefenderApi.Emulator.Cli;

/// <summary><c>faults add|list|remove|clear</c>: the fault rules of a running emulator.</summary>
internal static class FaultsCommand
{
    public static Command Create(CliHost host) => new("faults", "Add, list and remove fault rules (see docs/faults.md)")
    {
        Add(host),
        List(host),
        Remove(host),
        Clear(host),
    };

    private static Command Add(CliHost host)
    {
        var method = new Option<string?>("--method") { Description = "HTTP method to match (default: any)" };
        var path = new Option<string?>("--path") { Description = "Path pattern; * = one segment, ** = any (default: any), e.g. /api/machines/*/isolate" };
        var tenant = new Option<Guid?>("--tenant") { Description = "Only calls of this tenant (default: any)" };
        var error = new Option<string?>("--error") { Description = "Error code to answer with, e.g. TooManyRequests" };
        var probability = new Option<double?>("--probability") { Description = "Chance from 0 to 1 that an eligible call is hit (default 1)" };
        var count = new Option<int?>("--count") { Description = "Hit at most this many calls (default: no limit)" };
        var afterCalls = new Option<int?>("--after-calls") { Description = "Let this many matching calls through first (default 0)" };
        var latency = new Option<int?>("--latency-ms") { Description = "Delay before the answer, in milliseconds" };
        var transport = new Option<string?>("--transport") { Description = "Transport fault instead of an answer" };
        transport.AcceptOnlyFromAmong("reset", "empty", "timeout");
        var seed = new Option<int?>("--seed") { Description = "Seed of the rule's draws (same seed, same sequence)" };
        var command = new Command("add", "Add a rule; prints its id") { method, path, tenant, error, probability, count, afterCalls, latency, transport, seed };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            var rule = new Dictionary<string, object?>
            {
                ["method"] = parse.GetValue(method),
                ["path"] = parse.GetValue(path),
                ["tenantId"] = parse.GetValue(tenant)?.ToString(),
                ["error"] = parse.GetValue(error),
                ["probability"] = parse.GetValue(probability),
                ["count"] = parse.GetValue(count),
                ["afterCalls"] = parse.GetValue(afterCalls),
                ["latencyMs"] = parse.GetValue(latency),
                ["transport"] = parse.GetValue(transport),
                ["seed"] = parse.GetValue(seed),
            };
            var answer = await client.SendAsync(HttpMethod.Post, "/_emulator/faults", rule, cancellationToken);
            await host.Output.WriteLineAsync(answer?.GetProperty("id").GetString());
        });
        return command;
    }

    private static Command List(CliHost host)
    {
        var command = new Command("list", "List the rules in the order they are tried, with their counters");
        command.SetAdminAction(host, async (_, client, cancellationToken) =>
        {
            var answer = await client.SendAsync(HttpMethod.Get, "/_emulator/faults", null, cancellationToken);
            var table = new Table().AddColumns("Id", "Matches", "Fault", "Draws", "Matched / injected");
            foreach (var rule in answer?.EnumerateArray() ?? Enumerable.Empty<JsonElement>())
            {
                var fault = rule.GetProperty("error").GetString() ?? rule.GetProperty("transport").GetString() ?? "latency only";
                table.AddRow(
                    Text(rule, "id"),
                    $"{Text(rule, "method")} {Text(rule, "path")} tenant {Text(rule, "tenantId")}",
                    $"{Markup.Escape(fault)} +{Text(rule, "latencyMs")} ms",
                    $"p={Text(rule, "probability")} count={Text(rule, "count")} after={Text(rule, "afterCalls")} seed={Text(rule, "seed")}",
                    $"{Text(rule, "matchedCalls")} / {Text(rule, "injectedCalls")}");
            }

            host.Console.Write(table);
        });
        return command;
    }

    private static Command Remove(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "The rule id" };
        var command = new Command("remove", "Remove one rule") { id };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            await client.SendAsync(HttpMethod.Delete, $"/_emulator/faults/{Uri.EscapeDataString(parse.GetRequiredValue(id))}", null, cancellationToken);
            host.Console.MarkupLine("Rule removed.");
        });
        return command;
    }

    private static Command Clear(CliHost host)
    {
        var command = new Command("clear", "Remove every rule");
        command.SetAdminAction(host, async (_, client, cancellationToken) =>
        {
            await client.SendAsync(HttpMethod.Delete, "/_emulator/faults", null, cancellationToken);
            host.Console.MarkupLine("Every rule removed.");
        });
        return command;
    }

    private static string Text(JsonElement rule, string property) => rule.GetProperty(property) switch
    {
        { ValueKind: JsonValueKind.Null } => "-",
        { ValueKind: JsonValueKind.String } value => Markup.Escape(value.GetString()!),
        var value => value.GetRawText().ToString(CultureInfo.InvariantCulture),
    };
}
