using DefenderApi.Emulator.Admin.Data;

namespace DefenderApi.Emulator.Library;

/// <summary>Registers the live response library.</summary>
public static class LibraryServiceCollectionExtensions
{
    /// <summary>Adds the library's data loader.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataCollectionLoader<LibraryFileLoader>();
        return builder;
    }
}
