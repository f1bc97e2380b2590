using BenchmarkDotNet.Attributes;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Benchmarks;

/// <summary>
/// <c>GET /api/machines?$filter=…&amp;$orderby=…&amp;$top=100</c> without HTTP or auth, against 1,000 demo machines in
/// memory: parsing and binding the options to LINQ, EF Core's translation of that LINQ to SQL, and the whole page
/// (cached query, SQL, rows read and written as JSON).
/// </summary>
[MemoryDiagnoser]
public class ODataTranslationBenchmarks : IDisposable
{
    private const string Query = "?$filter=healthStatus eq 'Active' and lastSeen gt 2026-01-01T00:00:00Z&$orderby=lastSeen desc&$top=100";

    private WebApplicationFactory<Program>? _factory;
    private IServiceScope? _scope;
    private ODataCollectionQuery _odata = null!;
    private EmulatorDbContext _db = null!;
    private DefaultHttpContext _context = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DEFENDERAPI_EMULATOR", AppContext.BaseDirectory);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Emulator:Storage", "InMemory");
            builder.UseSetting("Emulator:DemoMachines", "1000");
        });
        using var client = _factory.CreateClient();
        while ((await client.GetAsync(new Uri("/_emulator/health", UriKind.Relative))).StatusCode != System.Net.HttpStatusCode.OK)
        {
            await Task.Delay(50);
        }

        _scope = _factory.Services.CreateScope();
        _scope.ServiceProvider.GetRequiredService<TenantContext>().TenantId = DefaultTenant.TenantId;
        _db = _scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        _odata = _scope.ServiceProvider.GetRequiredService<ODataCollectionQuery>();
        _context = new DefaultHttpContext { RequestServices = _scope.ServiceProvider };
        _context.Request.QueryString = new QueryString(Query);
    }

    // The expression tree, not the query: enumerating would run it.
    [Benchmark]
    public System.Linq.Expressions.Expression ParseAndBind() => Bind().Expression;

    [Benchmark]
    public string TranslateToSql() => Bind().ToQueryString();

    [Benchmark]
    public async Task RunPage()
    {
        // The list's result is lazy (rows are read while the body is written), so the page is only run when the result
        // executes: a fresh context per call, the body discarded.
        var context = new DefaultHttpContext { RequestServices = _scope!.ServiceProvider };
        context.Request.QueryString = new QueryString(Query);
        context.Response.Body = Stream.Null;
        var result = await _odata.ListAsync(context, _db.Machines(), MachinePolicies.List, CancellationToken.None);
        await result.ExecuteAsync(context);
    }

    private IQueryable<Machine> Bind() =>
        _odata.Filter(_db.Machines(), _odata.Parse(_context, MachinePolicies.List), MachinePolicies.List);

    public void Dispose()
    {
        _scope?.Dispose();
        _factory?.Dispose();
        GC.SuppressFinalize(this);
    }
}
