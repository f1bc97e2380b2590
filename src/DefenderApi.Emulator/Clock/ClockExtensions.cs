using DefenderApi.Emulator.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Clock;

/// <summary>Chooses the emulator's clock.</summary>
internal static class ClockExtensions
{
    /// <summary>
    /// Registers the one <see cref="TimeProvider"/>: the system clock, or with <c>--virtual-clock</c> a
    /// <see cref="VirtualTimeProvider"/> that starts at the real current instant and then moves only on request.
    /// </summary>
    public static WebApplicationBuilder AddClock(this WebApplicationBuilder builder)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(services =>
            services.GetRequiredService<IOptions<EmulatorOptions>>().Value.VirtualClock
                ? new VirtualTimeProvider(TimeProvider.System.GetUtcNow())
                : TimeProvider.System));
        return builder;
    }
}
