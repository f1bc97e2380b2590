using CsCheck;
using DefenderApi.Emulator.Journal;

namespace DefenderApi.Emulator.Tests.Journal;

/// <summary>What the journal keeps of headers and bodies never holds a secret.</summary>
public sealed class SecretMaskTests
{
    private static readonly Gen<string> Secrets = Gen.String[Gen.Char.AlphaNumeric, 6, 40];

    private static readonly string[] SecretNames = ["client_secret", "clientSecret", "password", "client_assertion", "access_token", "refresh_token", "x-api-key"];

    [Fact]
    public void SecretJsonProperties_AreMasked_WhateverTheirValue_AndOtherPropertiesKept()
    {
        Gen.Select(Secrets, Gen.OneOf(SecretNames)).Sample((secret, name) =>
        {
            var masked = SecretMask.Text($$"""{"comment":"keep me","{{name}}" : "{{secret}}","n":1}""");
            Assert.DoesNotContain(secret, masked, StringComparison.Ordinal);
            Assert.Contains($"\"{name}\" : \"***\"", masked, StringComparison.Ordinal);
            Assert.Contains("\"comment\":\"keep me\"", masked, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SecretFormFields_AreMasked_InBodiesAndQueries()
    {
        Gen.Select(Secrets, Gen.OneOf(SecretNames)).Sample((secret, name) =>
        {
            var masked = SecretMask.Text($"grant_type=client_credentials&{name}={secret}&scope=x");
            Assert.Equal($"grant_type=client_credentials&{name}=***&scope=x", masked);
            Assert.DoesNotContain(secret, SecretMask.Text($"?a=1&{name}={secret}"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void JwtShapedText_IsMasked_Anywhere_EvenCutOff()
    {
        const string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2lnbmF0dXJl";
        Assert.Equal("{\"note\":\"***\"}", SecretMask.Text($"{{\"note\":\"{jwt}\"}}"));
        Assert.Equal("token ***", SecretMask.Text($"token {jwt[..30]}"));
    }

    [Fact]
    public void AuthorizationHeader_KeepsOnlyItsScheme_AndKeysAndCookiesAreMasked()
    {
        Assert.Equal("Bearer ***", SecretMask.Header("Authorization", "Bearer eyJabc.def.ghi"));
        Assert.Equal("***", SecretMask.Header("x-emulator-admin-key", "let-me-in"));
        Assert.Equal("***", SecretMask.Header("Cookie", "a=b"));
        Assert.Equal("application/json", SecretMask.Header("Content-Type", "application/json"));
    }
}
