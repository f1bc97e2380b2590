using System.CommandLine;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using Spectre.Console;

namespace DefenderApi.Emulator.Cli;

/// <summary><c>scenario start|list|show|stop</c>: the scenario runs of a running emulator (docs/scenarios.md).</summary>
internal static class ScenarioCommand
{
    public static Command Create(CliHost host) => new("scenario", "Start, list, show and stop scenarios (see docs/scenarios.md)")
    {
        Start(host),
        List(host),
        Show(host),
        Stop(host),
    };

    private static Option<Guid> TenantOption() => new("--tenant") { Description = "The tenant (default: the default tenant)", DefaultValueFactory = _ => DefaultTenant.TenantId };

    private static Command Start(CliHost host)
    {
        var name = new Argument<string>("name") { Description = "ransomware, phishing, commodity-malware, false-positive-burst, device-inactive or background" };
        var devices = new Option<int?>("--devices") { Description = "How many devices (default: the scenario's)" };
        var seed = new Option<int?>("--seed") { Description = "Seed of its random choices (default 1)" };
        var hours = new Option<int?>("--hours") { Description = "How long the background scenario runs (default 24)" };
        var tenant = TenantOption();
        var command = new Command("start", "Start a scenario; prints its run id") { name, devices, seed, hours, tenant };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            var body = new Dictionary<string, object?>
            {
                ["name"] = parse.GetRequiredValue(name), ["devices"] = parse.GetValue(devices), ["seed"] = parse.GetValue(seed), ["hours"] = parse.GetValue(hours),
            };
            var answer = await client.SendAsync(HttpMethod.Post, $"/_emulator/tenants/{parse.GetValue(tenant)}/scenarios", body, cancellationToken);
            await host.Output.WriteLineAsync(answer?.GetProperty("id").GetString());
        });
        return command;
    }

    private static Command List(CliHost host)
    {
        var tenant = TenantOption();
        var command = new Command("list", "List the tenant's scenario runs") { tenant };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            var answer = await client.SendAsync(HttpMethod.Get, $"/_emulator/tenants/{parse.GetValue(tenant)}/scenarios", null, cancellationToken);
            var table = new Table().AddColumns("Id", "Status", "Started", "Steps", "Devices");
            foreach (var run in answer?.EnumerateArray() ?? Enumerable.Empty<JsonElement>())
            {
                table.AddRow(
                    Markup.Escape(run.GetProperty("id").GetString()!), run.GetProperty("status").GetString()!, Markup.Escape(run.GetProperty("startedAt").GetString()!),
                    $"{run.GetProperty("stepsDone").GetInt32()} / {run.GetProperty("steps").GetArrayLength()}", run.GetProperty("devices").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            host.Console.Write(table);
        });
        return command;
    }

    private static Command Show(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "The run id" };
        var tenant = TenantOption();
        var command = new Command("show", "Show a run's timeline") { id, tenant };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            var run = await client.SendAsync(HttpMethod.Get, $"/_emulator/tenants/{parse.GetValue(tenant)}/scenarios/{Uri.EscapeDataString(parse.GetRequiredValue(id))}", null, cancellationToken);
            var table = new Table().AddColumns("At", "Step", "Kind", "What");
            foreach (var entry in run?.GetProperty("timeline").EnumerateArray() ?? Enumerable.Empty<JsonElement>())
            {
                table.AddRow(
                    Markup.Escape(entry.GetProperty("at").GetString()!), Markup.Escape(entry.GetProperty("step").GetString()!),
                    Markup.Escape(entry.GetProperty("kind").GetString()!), Markup.Escape(entry.GetProperty("text").GetString()!));
            }

            host.Console.Write(table);
        });
        return command;
    }

    private static Command Stop(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "The run id" };
        var tenant = TenantOption();
        var command = new Command("stop", "Stop a run: its remaining steps never run") { id, tenant };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            await client.SendAsync(HttpMethod.Delete, $"/_emulator/tenants/{parse.GetValue(tenant)}/scenarios/{Uri.EscapeDataString(parse.GetRequiredValue(id))}", null, cancellationToken);
            host.Console.MarkupLine("Scenario stopped.");
        });
        return command;
    }
}
