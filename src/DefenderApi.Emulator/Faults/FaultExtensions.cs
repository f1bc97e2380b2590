namespace DefenderApi.Emulator.Faults;

/// <summary>Registers and places fault injection.</summary>
internal static class FaultExtensions
{
    /// <summary>Adds the rule store and its settings.</summary>
    public static WebApplicationBuilder AddFaultInjection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FaultOptions>().BindConfiguration(FaultOptions.Section)
            .Validate(o => o.TimeoutSeconds is > 0 and <= 86_400, "Emulator:Faults:TimeoutSeconds must be from 1 to 86400.")
            .ValidateOnStart();
        builder.Services.AddSingleton<FaultRuleStore>();
        return builder;
    }

    /// <summary>Injects faults; place after authentication and before authorization.</summary>
    public static IApplicationBuilder UseFaultInjection(this IApplicationBuilder app) => app.UseMiddleware<FaultInjectionMiddleware>();
}
