using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace DefenderApi.Emulator.Cli;

/// <summary><c>reset</c> and <c>snapshot save|restore|list|delete</c>.</summary>
internal static class StoreCommands
{
    public static Command Reset(CliHost host)
    {
        var tenant = new Option<Guid?>("--tenant") { Description = "Reset only this tenant (default: every tenant)" };
        var command = new Command("reset", "Bring every tenant (or one) back to its start state") { tenant };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            var only = parse.GetValue(tenant);
            await client.SendAsync(HttpMethod.Post, only is { } id ? $"/_emulator/tenants/{id}/reset" : "/_emulator/reset", null, cancellationToken);
            host.Console.MarkupLine(only is { } t ? $"Tenant [bold]{t}[/] reset." : "Every tenant reset.");
        });
        return command;
    }

    public static Command Snapshot(CliHost host)
    {
        var command = new Command("snapshot", "Save, restore, list and delete named snapshots of the whole store")
        {
            Named(host, "save", "Save the store under a name (replaces a snapshot of that name)", HttpMethod.Post, "", "saved"),
            Named(host, "restore", "Replace the store with a saved snapshot", HttpMethod.Post, "/restore", "restored"),
            Named(host, "delete", "Delete a snapshot", HttpMethod.Delete, "", "deleted"),
            List(host),
        };
        return command;
    }

    private static Command Named(CliHost host, string name, string description, HttpMethod method, string suffix, string done)
    {
        var snapshot = new Argument<string>("name") { Description = "The snapshot name (letters, digits, '.', '_', '-')" };
        var command = new Command(name, description) { snapshot };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            var value = parse.GetRequiredValue(snapshot);
            await client.SendAsync(method, $"/_emulator/snapshots/{Uri.EscapeDataString(value)}{suffix}", null, cancellationToken);
            host.Console.MarkupLine($"Snapshot [bold]{Markup.Escape(value)}[/] {done}.");
        });
        return command;
    }

    private static Command List(CliHost host)
    {
        var command = new Command("list", "List the snapshots");
        command.SetAdminAction(host, async (_, client, cancellationToken) =>
        {
            var answer = await client.SendAsync(HttpMethod.Get, "/_emulator/snapshots", null, cancellationToken);
            var table = new Table().AddColumns("Name", "Created");
            foreach (var item in answer?.EnumerateArray() ?? Enumerable.Empty<JsonElement>())
            {
                table.AddRow(Markup.Escape(item.GetProperty("name").GetString()!), Markup.Escape(item.GetProperty("createdAt").ToString()));
            }

            host.Console.Write(table);
        });
        return command;
    }
}
