using DefenderApi.Emulator.Errors;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace DefenderApi.Emulator.Auth;

/// <summary>Turns why a request was not authenticated into the 401 <c>Unauthorized</c> answer's message.</summary>
internal static class UnauthorizedReason
{
    public static string From(Exception exception, string? token) => exception switch
    {
        SecurityTokenInvalidSignatureException when IsUnsigned(token) => "the token is not signed",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token's audience is not this API",
        UnknownTenantException ex => ex.Message,
        SecurityTokenInvalidIssuerException => "the token's issuer is not valid",
        SecurityTokenSignatureKeyNotFoundException => "the token's signature is invalid",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted",
        SecurityTokenNoExpirationException => "the token has no expiration time",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        _ => "the token is not valid",
    };

    // alg "none" tokens (RFC 7519 §6) end with an empty signature segment.
    private static bool IsUnsigned(string? token)
    {
        try
        {
            var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token);
            return jwt.EncodedSignature.Length == 0 || string.Equals(jwt.Alg, "none", StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        string header = http.Request.Headers.Authorization.ToString();
        var reason = http.Items[typeof(UnauthorizedReason)] as string ?? header switch
        {
            "" => "the Authorization header is missing",
            _ when header.Trim().Equals("Bearer", StringComparison.OrdinalIgnoreCase) => "the Bearer token is missing",
            _ when !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => "the Authorization header must use the Bearer scheme",
            _ => "the token is malformed",
        };
        http.Response.Headers.WWWAuthenticate = header.Length == 0
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{reason}\"";
        return ErrorWriter.WriteAsync(http, DefenderErrors.Unauthorized(reason));
    }
}
