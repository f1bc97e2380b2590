namespace DefenderApi.Emulator.Library;

/// <summary>
/// The multipart form of "Upload files to the live response library"
/// (https://learn.microsoft.com/defender-endpoint/api/upload-library), as the OpenAPI document describes it;
/// <see cref="LibraryUpload"/> reads and checks it.
/// </summary>
/// <param name="File">The script or file (at most 20 MB).</param>
/// <param name="Description">A description of the file.</param>
/// <param name="ParametersDescription">A description of the script's parameters.</param>
/// <param name="HasParameters">Whether the script takes parameters.</param>
/// <param name="OverrideIfExists">Whether an existing file of the same name is replaced.</param>
internal sealed record LibraryUploadForm(IFormFile File, string? Description, string? ParametersDescription, bool? HasParameters, bool? OverrideIfExists);
