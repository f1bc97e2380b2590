using DefenderApi.Emulator.Admin.Data;

namespace DefenderApi.Emulator.Library;

/// <summary>Registers the live response library.</summary>
internal static class LibraryServiceCollectionExtensions
{
    /// <summary>Adds the library's data loader.</summary>
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataCollectionLoader<LibraryFileLoader>();
        return builder;
    }
}
