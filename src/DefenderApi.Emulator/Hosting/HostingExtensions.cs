using System.Text.Json.Serialization;
using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Journal;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Hosting;

/// <summary>The emulator's host: options, clock, start-up, journal, Kestrel limits and the error pipeline.</summary>
internal static class HostingExtensions
{
    /// <summary>Adds the host services and validates the options at start (every problem reported at once).</summary>
    public static WebApplicationBuilder AddEmulatorHost(this WebApplicationBuilder builder)
    {
        StartupStages.Mark("host builder created");
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(CommandLineArguments.DefaultUrl);
        }

        var services = builder.Services;
        services.AddOptions<EmulatorOptions>()
            .BindConfiguration(EmulatorOptions.Section)
            .Validate(o => o.Validate().Count == 0, "invalid")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmulatorOptions>, EmulatorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmulatorReadiness>();
        services.TryAddSingleton<ExchangeJournal>();
        services.TryAddSingleton<TenantProvisioner>();
        services.TryAddScoped<TenantContext>();
        services.AddHostedService<StartupService>();
        services.AddHostedService<StartupBanner>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new OData.UtcInstantConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });

        var options = builder.Configuration.GetSection(EmulatorOptions.Section).Get<EmulatorOptions>() ?? new EmulatorOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            KestrelLimits.Apply(kestrel);
        });
        return builder;
    }

    /// <summary>The outer pipeline: error conversion, journal, limits, version prefix, readiness wait, routing.</summary>
    public static WebApplication UseEmulatorPipeline(this WebApplication app)
    {
        StartupStages.Mark("host built");
        app.UseMiddleware<JournalMiddleware>();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseApiVersionPrefix();
        app.Use(WaitUntilReadyAsync);
        app.UseRouting();
        return app;
    }

    // Requests that arrive during start-up wait for it instead of seeing a half-seeded store; health answers at once.
    private static async Task WaitUntilReadyAsync(HttpContext context, RequestDelegate next)
    {
        var readiness = context.RequestServices.GetRequiredService<EmulatorReadiness>();
        if (!readiness.IsReady && !context.Request.Path.StartsWithSegments("/_emulator/health"))
        {
            await readiness.WhenReady.WaitAsync(context.RequestAborted);
        }

        await next(context);
    }
}

/// <summary>Reports every problem with <see cref="EmulatorOptions"/> at once.</summary>
internal sealed class EmulatorOptionsValidator : IValidateOptions<EmulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, EmulatorOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
