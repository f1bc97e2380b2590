using System.CommandLine;
using System.Security.Cryptography;
using DefenderApi.Emulator.Tenancy;

namespace DefenderApi.Emulator.Cli;

/// <summary><c>token</c>: prints an access token for the default app, a given app, or a new app holding given roles.</summary>
internal static class TokenCommand
{
    public static Command Create(CliHost host)
    {
        var tenant = CliOptions.Tenant("The tenant the token is for");
        var clientId = new Option<string?>("--client-id") { Description = "The app's client id (default: the default app, or a new app when --roles is given)" };
        var clientSecret = new Option<string?>("--client-secret") { Description = "The app's client secret (default: the default app's, or a new one with --roles)" };
        var roles = new Option<string[]>("--roles")
        {
            Description = "Registers the app with exactly these application roles first, e.g. --roles Machine.Read.All Alert.Read.All",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("token", "Print an access token (the JWT only, for pipes and scripts)") { tenant, clientId, clientSecret, roles };
        command.SetAdminAction(host, async (parse, client, cancellationToken) =>
        {
            var tenantId = parse.GetRequiredValue(tenant);
            var requested = parse.GetValue(roles) ?? [];
            var id = parse.GetValue(clientId);
            var secret = parse.GetValue(clientSecret);
            if (requested.Length > 0)
            {
                id ??= $"cli-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
                secret ??= RandomNumberGenerator.GetHexString(24, lowercase: true);
                await client.SendAsync(HttpMethod.Post, $"/_emulator/tenants/{tenantId}/apps",
                    new { clientId = id, clientSecret = secret, roles = requested }, cancellationToken);
            }

            var token = await client.GetTokenAsync(tenantId, id ?? DefaultTenant.ClientId, secret ?? DefaultTenant.ClientSecret, cancellationToken);
            await host.Output.WriteLineAsync(token);
        });
        return command;
    }
}
