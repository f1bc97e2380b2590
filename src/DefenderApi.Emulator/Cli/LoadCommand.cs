using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace DefenderApi.Emulator.Cli;

/// <summary>
/// <c>load &lt;file&gt;</c>: bulk-loads a data pack <c>{"machines":[...],"alerts":[...],...}</c> into a tenant through
/// <c>POST /_emulator/tenants/{tenantId}/data/{collection}</c>, in batches, with a progress bar per collection.
/// </summary>
internal static class LoadCommand
{
    public const int BatchSize = 500;

    public static Command Create(CliHost host)
    {
        var file = new Argument<FileInfo>("file") { Description = "The data pack: a JSON object of collection name → array of entities" };
        var tenant = CliOptions.Tenant("The tenant to load into");
        var command = new Command("load", "Bulk-load a JSON data pack (upsert by id; hunting rows are appended)") { file, tenant };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            var pack = await ReadPackAsync(parse.GetRequiredValue(file), cancellationToken);
            var tenantId = parse.GetRequiredValue(tenant);
            var loaded = 0L;
            await host.Console.Progress().StartAsync(async progress =>
            {
                var tasks = pack.Select(c => (Collection: c, Task: progress.AddTask(Markup.Escape(c.Name), maxValue: Math.Max(1, c.Items.Count)))).ToList();
                foreach (var (collection, task) in tasks)
                {
                    foreach (var batch in collection.Items.Chunk(BatchSize))
                    {
                        var answer = await client.SendAsync(HttpMethod.Post,
                            $"/_emulator/tenants/{tenantId}/data/{Uri.EscapeDataString(collection.Name)}", batch, cancellationToken);
                        loaded += answer?.TryGetProperty("count", out var count) == true ? count.GetInt64() : batch.Length;
                        task.Increment(batch.Length);
                    }

                    task.Value = task.MaxValue;
                }
            });
            host.Console.MarkupLine($"Loaded [bold]{loaded}[/] items in {pack.Count} collections into tenant {tenantId}.");
        });
        return command;
    }

    private static async Task<List<(string Name, List<JsonElement> Items)>> ReadPackAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliFailureException($"The data pack '{file.FullName}' does not exist.");
        }

        JsonDocument document;
        try
        {
            await using var stream = file.OpenRead();
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new CliFailureException($"The data pack '{file.Name}' is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliFailureException($"The data pack '{file.Name}' must be a JSON object of collection name → array.");
            }

            var pack = new List<(string, List<JsonElement>)>();
            foreach (var collection in document.RootElement.EnumerateObject())
            {
                if (collection.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new CliFailureException($"'{collection.Name}' in '{file.Name}' must be an array of entities.");
                }

                pack.Add((collection.Name, [.. collection.Value.EnumerateArray().Select(e => e.Clone())]));
            }

            return pack;
        }
    }
}
