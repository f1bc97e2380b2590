using System.Globalization;
using DefenderApi.Client.Models;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary><c>GET /api/libraryfiles</c>.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The live response library files.</returns>
    public virtual IAsyncEnumerable<LibraryFile> GetLibraryFilesAsync(CancellationToken cancellationToken = default) =>
        GetCollectionAsync<LibraryFile>("libraryfiles", null, cancellationToken);

    /// <summary><c>POST /api/libraryfiles</c> (multipart; at most 20 MB). Not retried after server faults.</summary>
    /// <param name="upload">The file and its description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored library file.</returns>
    public virtual async Task<LibraryFile> UploadLibraryFileAsync(LibraryFileUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var form = new MultipartFormDataContent
        {
            { new ReadOnlyMemoryContent(upload.Content), "File", upload.FileName },
        };
        AddField(form, "Description", upload.Description);
        AddField(form, "ParametersDescription", upload.ParametersDescription);
        AddField(form, "HasParameters", Flag(upload.HasParameters));
        AddField(form, "OverrideIfExists", Flag(upload.OverrideIfExists));
        using var response = await SendRawAsync(HttpMethod.Post, Url("libraryfiles"), form, idempotent: false, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<LibraryFile>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /api/libraryfiles/{fileName}</c>.</summary>
    /// <param name="fileName">The file name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when deleted.</returns>
    public virtual Task DeleteLibraryFileAsync(string fileName, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Delete, $"libraryfiles/{Escape(fileName)}", null, idempotent: false, cancellationToken);

    private static string? Flag(bool? value) => value?.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();

    private static void AddField(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null)
        {
            form.Add(new StringContent(value), name);
        }
    }
}
