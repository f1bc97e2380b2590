using System.CommandLine;
using DefenderApi.Emulator.Tenancy;
using Spectre.Console;

namespace DefenderApi.Emulator.Cli;

/// <summary>Where a CLI run writes and how it reaches the emulator (tests pass a recording console and an in-process handler).</summary>
/// <param name="Console">Rich output: tables, progress, messages.</param>
/// <param name="Output">Plain output: help and values meant for pipes (tokens, ids).</param>
/// <param name="Error">Plain error output.</param>
/// <param name="Handler">The HTTP handler to the emulator, or <see langword="null"/> for real connections.</param>
internal sealed record CliHost(IAnsiConsole Console, TextWriter Output, TextWriter Error, HttpMessageHandler? Handler)
{
    /// <summary>The process console.</summary>
    public static CliHost Default => new(AnsiConsole.Console, System.Console.Out, System.Console.Error, null);
}

/// <summary>The options every command shares, and running a command against the emulator.</summary>
internal static class CliOptions
{
    public static readonly Option<Uri> Emulator = new("--emulator")
    {
        Description = "The running emulator's root URL",
        DefaultValueFactory = _ => new Uri(Hosting.CommandLineArguments.DefaultUrl),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : Hosting.CommandLineArguments.DefaultUrl;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"'{text}' for --emulator is not an http(s) URL.");
            return null;
        },
        Recursive = true,
    };

    public static readonly Option<string?> AdminKey = new("--admin-key")
    {
        Description = "The admin key, when the emulator was started with one and is not on this machine",
        Recursive = true,
    };

    public static Option<Guid> Tenant(string description) => new("--tenant")
    {
        Description = description,
        DefaultValueFactory = _ => DefaultTenant.TenantId,
    };

    /// <summary>Runs <paramref name="work"/> with a client for the chosen emulator; failures become exit code 1.</summary>
    public static void SetAdminAction(this Command command, CliHost host, Func<ParseResult, AdminClient, CancellationToken, Task> work) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = new AdminClient(parse.GetRequiredValue(Emulator), parse.GetValue(AdminKey), host.Handler);
            try
            {
                await work(parse, client, cancellationToken);
                return 0;
            }
            catch (CliFailureException ex)
            {
                await host.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });
}
