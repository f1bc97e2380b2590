using BenchmarkDotNet.Attributes;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DefenderApi.Benchmarks;

/// <summary>Validating an emulator-issued RS256 token, as JwtBearer does on every /api request.</summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks : IDisposable
{
    private readonly DatabaseLocation _location;
    private readonly SigningKeyStore _keys;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly string _token;
    private readonly TokenValidationParameters _parameters;

    public TokenValidationBenchmarks()
    {
        var options = Options.Create(new EmulatorOptions { Storage = StorageKind.InMemory });
        _location = new DatabaseLocation(options);
        _keys = new SigningKeyStore(options, _location);
        _token = new TokenIssuer(_keys, TimeProvider.System)
            .IssueAppToken(DefaultTenant.TenantId, DefaultTenant.ClientId, MdeResources.All[0], ApiPermissions.AllApplication.ToArray());
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = _keys.Key,
            ValidAudiences = MdeResources.All,
            ValidIssuer = TokenIssuer.IssuerFor(DefaultTenant.TenantId),
        };
    }

    [Benchmark]
    public async Task<bool> ValidateToken() => (await _handler.ValidateTokenAsync(_token, _parameters)).IsValid;

    public void Dispose()
    {
        _keys.Dispose();
        _location.Dispose();
        GC.SuppressFinalize(this);
    }
}
