namespace DefenderApi.Emulator.Faults;

/// <summary>Registers and places fault injection.</summary>
public static class FaultExtensions
{
    /// <summary>Adds the rule store and its settings.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddFaultInjection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FaultOptions>().BindConfiguration(FaultOptions.Section)
            .Validate(o => o.TimeoutSeconds is > 0 and <= 86_400, "Emulator:Faults:TimeoutSeconds must be from 1 to 86400.")
            .ValidateOnStart();
        builder.Services.AddSingleton<FaultRuleStore>();
        return builder;
    }

    /// <summary>Injects faults; place after authentication and before authorization.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseFaultInjection(this IApplicationBuilder app) => app.UseMiddleware<FaultInjectionMiddleware>();
}
