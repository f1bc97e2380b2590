using System.Text;
using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Library;

/// <summary>
/// Loads <c>library</c>: library files as the API lists them (<c>fileName</c> is the key), plus an optional
/// emulator-only <c>content</c> string (the script text; empty when absent).
/// </summary>
internal sealed class LibraryFileLoader : JsonDataLoader<LibraryFile>
{
    public override string Name => "library";

    public override string? WriteScope => LibraryEndpoints.WriteScope;

    protected override string? Validate(LibraryFile item)
    {
        try
        {
            LibraryUpload.CheckedName(item.FileName);
            return null;
        }
        catch (DefenderApi.Errors.DefenderErrorException exception)
        {
            return exception.Error.Message;
        }
    }

    protected override Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<LibraryFile>> items, CancellationToken cancellationToken)
    {
        foreach (var (_, file, json) in items)
        {
            file.TenantId = tenantId;
            file.Content = json.TryGetProperty("content", out var content) && content.GetString() is { } text ? Encoding.UTF8.GetBytes(text) : [];
            var upload = new LibraryUpload(file.FileName, file.Content, null, string.Empty, false, true);
            file.Sha256 = string.IsNullOrEmpty(file.Sha256) ? upload.Sha256 : file.Sha256;
            file.IsSigned = upload.IsSigned;
        }

        return UpsertAsync(db, items.Select(i => i.Item), f => f.FileName, StringComparer.OrdinalIgnoreCase, null, cancellationToken);
    }
}
