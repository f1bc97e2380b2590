using DefenderApi.Emulator.Errors;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace DefenderApi.Emulator.Auth;

/// <summary>Turns why a request was not authenticated into the 401 <c>Unauthorized</c> answer's message.</summary>
internal static class UnauthorizedReason
{
    public static string From(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token's audience is not this API",
        UnknownTenantException ex => ex.Message,
        SecurityTokenInvalidIssuerException => "the token's issuer is not valid",
        SecurityTokenSignatureKeyNotFoundException => "the token's signature is invalid",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid or missing",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted",
        SecurityTokenNoExpirationException => "the token has no expiration time",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        _ => "the token is not valid",
    };

    public static Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        string header = http.Request.Headers.Authorization.ToString();
        var reason = http.Items[typeof(UnauthorizedReason)] as string ?? header switch
        {
            "" => "the Authorization header is missing",
            _ when !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => "the Authorization header must use the Bearer scheme",
            _ => "the token is malformed",
        };
        http.Response.Headers.WWWAuthenticate = header.Length == 0
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{reason}\"";
        return ErrorWriter.WriteAsync(http, DefenderErrors.Unauthorized(reason));
    }
}
