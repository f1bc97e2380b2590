using System.Security.Cryptography;
using System.Text;
using DefenderApi.Emulator.Binding;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Library;

/// <summary>A validated library upload (<see href="https://learn.microsoft.com/defender-endpoint/api/upload-library">Upload files to the live response library</see>): the file and its form fields.</summary>
/// <param name="FileName">The file name.</param>
/// <param name="Content">The content.</param>
/// <param name="Description">Description.</param>
/// <param name="ParametersDescription">Parameters description (default empty).</param>
/// <param name="HasParameters">Whether the script takes parameters.</param>
/// <param name="OverrideIfExists">Whether an existing file may be replaced.</param>
internal sealed record LibraryUpload(string FileName, byte[] Content, string? Description, string ParametersDescription, bool HasParameters, bool OverrideIfExists)
{
    /// <summary>The documented maximum file size: 20 MB.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    private static readonly HashSet<string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        "File", "Description", "ParametersDescription", "HasParameters", "OverrideIfExists",
    };

    /// <summary>Reads and checks the multipart form; every fault is a 400 naming it.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The upload.</returns>
    public static async Task<LibraryUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw Invalid($"Content-Type must be multipart/form-data, not '{request.ContentType}'");
        }

        var form = await FormBody.ReadAsync(request, cancellationToken);
        if (form.Keys.Concat(form.Files.Select(f => f.Name)).FirstOrDefault(k => !Fields.Contains(k)) is { } unknown)
        {
            throw Invalid($"unknown form field '{unknown}'");
        }

        var file = form.Files.FirstOrDefault(f => f.Name.Equals("File", StringComparison.OrdinalIgnoreCase))
            ?? throw new DefenderErrorException(DefenderErrors.MissingParameter("File"));
        if (file.Length > MaxFileBytes)
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest($"File {file.FileName} is {file.Length} bytes; the maximum is 20 MB ({MaxFileBytes} bytes)."));
        }

        var name = CheckedName(Path.GetFileName(file.FileName));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return new LibraryUpload(
            name,
            buffer.ToArray(),
            Text(form, "Description"),
            Text(form, "ParametersDescription") ?? string.Empty,
            Flag(form, "HasParameters"),
            Flag(form, "OverrideIfExists"));
    }

    /// <summary>The SHA-256 of the content (lower-case hex).</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    /// <summary>Whether the content carries an Authenticode signature block.</summary>
    public bool IsSigned => Encoding.UTF8.GetString(Content).Contains("# SIG # Begin signature block", StringComparison.Ordinal);

    /// <summary>Checks a library file name: 1–255 characters, no path or invalid characters.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The name.</returns>
    public static string CheckedName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255 || name.IndexOfAny([.. Path.GetInvalidFileNameChars(), '\\', '/', ':', '*', '?', '"', '<', '>', '|']) >= 0 || name.Any(char.IsControl)
            || name.Trim('.').Length == 0)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{name}' for File; a library file name must be 1-255 characters without path or reserved characters"));
        }

        return name;
    }

    private static string? Text(IFormCollection form, string field) =>
        form.TryGetValue(field, out var value) ? value.ToString() : null;

    private static bool Flag(IFormCollection form, string field)
    {
        var text = Text(form, field);
        return string.IsNullOrEmpty(text)
            ? false
            : bool.TryParse(text, out var flag) ? flag : throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{text}' for {field}; expected true or false"));
    }

    private static DefenderErrorException Invalid(string reason) => new(DefenderErrors.InvalidRequestBody(reason));
}
