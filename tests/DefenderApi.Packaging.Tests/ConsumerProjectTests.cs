namespace DefenderApi.Packaging.Tests;

/// <summary>
/// A user's test project outside the repository, referencing DefenderApi.Testing and DefenderApi.Client from the feed
/// only (NuGet source mapping: DefenderApi.* comes from nowhere else), builds and passes a test against the
/// in-process emulator.
/// </summary>
public sealed class ConsumerProjectTests(LocalFeed feed)
{
    private const string XunitVersion = "4.0.2";

    [Fact]
    public async Task TestProjectReferencingThePackages_PassesATestAgainstTheInProcessEmulator()
    {
        var folder = Directory.CreateDirectory(Path.Combine(feed.Root, "consumer")).FullName;
        File.Copy(feed.NuGetConfig, Path.Combine(folder, "nuget.config"));
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.Tests.csproj"), Project(feed.Version), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "PlaybookTests.cs"), Test, TestContext.Current.CancellationToken);

        var run = await ProcessRunner.RunAsync("dotnet", ["run", "--project", Path.Combine(folder, "Consumer.Tests.csproj")],
            folder, feed.Environment, TimeSpan.FromMinutes(15));

        Assert.True(run.ExitCode == 0, $"the consumer's tests failed: {run}");
        Assert.True(Directory.Exists(Path.Combine(feed.PackagesFolder, "defenderapi.testing", feed.Version)), "DefenderApi.Testing did not come from the feed");
        Assert.Matches(@"Total: 1, Errors: 0, Failed: 0|succeeded: 1", run.Output);
    }

    private static string Project(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <!-- As in the repository: the package mirror lacks some patch versions and NuGet takes the next (NU1603). -->
            <NoWarn>$(NoWarn);NU1603</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="DefenderApi.Testing" Version="{version}" />
            <PackageReference Include="DefenderApi.Client" Version="{version}" />
            <PackageReference Include="xunit.v3" Version="{XunitVersion}" />
            <Using Include="Xunit" />
          </ItemGroup>
        </Project>
        """;

    private const string Test = """
        using DefenderApi.Client;
        using DefenderApi.Client.Models;
        using DefenderApi.Client.Query;
        using DefenderApi.Testing;

        public sealed class PlaybookTests
        {
            [Fact]
            public async Task Isolation_OfALoadedMachine_IsRecorded()
            {
                await using var emulator = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions { Seed = "none" }, TestContext.Current.CancellationToken);
                await emulator.Admin.LoadDataAsync(DefenderEmulator.DefaultTenantId, "machines",
                    [DefenderModelFactory.Machine(id: "m1", computerDnsName: "ws1", osPlatform: "Windows11", lastSeen: emulator.Now)], TestContext.Current.CancellationToken);

                var machines = new List<Machine>();
                await foreach (var machine in emulator.Client.GetMachinesAsync(new ODataQuery<Machine>().Top(10), TestContext.Current.CancellationToken))
                {
                    machines.Add(machine);
                }

                var action = await emulator.Client.IsolateMachineAsync("m1", "consumer test", cancellationToken: TestContext.Current.CancellationToken);

                Assert.Equal("ws1", Assert.Single(machines).ComputerDnsName);
                Assert.Equal("Isolate", action.Type);
                emulator.Journal.AssertRequested(HttpMethod.Post, "/api/machines/{id}/isolate", times: 1);
            }
        }
        """;
}
