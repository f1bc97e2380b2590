using System.Security.Claims;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>Who an action is recorded as requested (or cancelled) by: the signed-in user, else the application.</summary>
internal static class Requestor
{
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst("upn")?.Value
            ?? user.FindFirst("preferred_username")?.Value
            ?? user.FindFirst("unique_name")?.Value
            ?? user.FindFirst("appid")?.Value
            ?? user.FindFirst("azp")?.Value
            ?? "unknown";
    }
}
