using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Hunting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// The demo data set as a cache of SQLite files: the seeders are deterministic for a given build, demo settings and
/// seeding instant, so what they wrote once is copied instead of generated again. Two kinds of image: the whole store
/// after the start's seed (restored into a new store with SQLite's backup API) and one tenant's rows (copied into a
/// new tenant with its id rewritten, <see cref="TenantImage"/>). Files are written under a temporary name and renamed,
/// so concurrent processes building the same image never see a partial file.
/// </summary>
internal sealed class DemoImage(IOptions<EmulatorOptions> options, IConfiguration configuration, TimeProvider time)
{
    /// <summary>The kind of image holding a whole store.</summary>
    public const string StoreKind = "store";

    /// <summary>The kind of image holding one tenant's rows.</summary>
    public const string TenantKind = "tenant";

    // Part of every key: bump when what an image holds or how it is read changes.
    private const int FormatVersion = 2;

    // Images of this build kept in the folder (store and tenant images of as many settings and instants).
    private const int KeptPerBuild = 8;

    private static readonly string Build = string.Create(CultureInfo.InvariantCulture,
        $"{typeof(DemoImage).Assembly.ManifestModule.ModuleVersionId:N}{typeof(HuntingDemoGenerator).Assembly.ManifestModule.ModuleVersionId:N}");

    /// <summary>
    /// Whether images are used: switched on, and on a clock whose seeding instant repeats. On the system clock every
    /// start seeds at a new instant, so an image would never be found again (docs/fidelity.md).
    /// </summary>
    public bool Enabled => options.Value.DemoImage && time != TimeProvider.System;

    private int _restored;

    /// <summary>How many stores and tenants this host restored from an image (for diagnostics and tests).</summary>
    public int Restored => Volatile.Read(ref _restored);

    /// <summary>Counts a store or tenant restored from an image.</summary>
    public void NoteRestored() => Interlocked.Increment(ref _restored);

    /// <summary>The folder of the image files.</summary>
    public string Directory => options.Value.DemoImageDirectory ?? Path.Combine(Path.GetTempPath(), "defenderapi-demo");

    /// <summary>The image file of a kind for the demo seed at the clock's current instant, or <see langword="null"/> when images are off.</summary>
    /// <param name="kind"><see cref="StoreKind"/> or <see cref="TenantKind"/>.</param>
    /// <returns>The path (the file may not exist yet).</returns>
    public string? PathFor(string kind) => Enabled ? Path.Combine(Directory, $"{kind}-{Build[..8]}-{Key(time.GetUtcNow())}.db") : null;

    /// <summary>Moves a finished temporary file to its image path, unless another process got there first.</summary>
    /// <param name="temporary">The finished file.</param>
    /// <param name="path">The image path.</param>
    public void Publish(string temporary, string path)
    {
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException)
        {
            // Another process published the same image (the same bytes) first.
            File.Delete(temporary);
        }

        DeleteOtherBuilds();
    }

    /// <summary>A new temporary file name beside <paramref name="path"/>.</summary>
    /// <param name="path">The image path.</param>
    /// <returns>The temporary path (its folder exists).</returns>
    public static string TemporaryFor(string path)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return string.Create(CultureInfo.InvariantCulture, $"{path}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Opens an image for reading, or returns <see langword="null"/> when it does not exist.</summary>
    /// <param name="path">The image path.</param>
    /// <returns>The open read-only connection, or <see langword="null"/>.</returns>
    public static SqliteConnection? OpenReadOnly(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Writes a copy of a whole store (after the start's seed) as the store image, unless it exists.</summary>
    /// <param name="source">An open connection to the store, no transaction running.</param>
    public void CaptureStore(SqliteConnection source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (PathFor(StoreKind) is not { } path || File.Exists(path))
        {
            return;
        }

        var temporary = TemporaryFor(path);
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            target.Open();
            source.BackupDatabase(target);
            using var command = target.CreateCommand();
            // A file store is in WAL mode by now; the image is read as a plain file.
            command.CommandText = "PRAGMA journal_mode=DELETE";
            command.ExecuteNonQuery();
        }

        Publish(temporary, path);
    }

    private string Key(DateTimeOffset instant)
    {
        var settings = options.Value;
        var text = new StringBuilder(256).Append(CultureInfo.InvariantCulture,
            $"{FormatVersion}|{Build}|{settings.DemoMachines}|{settings.DemoAlerts}|{settings.DemoRandomSeed}|{instant.UtcTicks}");
        // Every hunting setting: the hunting seeder reads its demo sizes from them.
        foreach (var (key, value) in configuration.GetSection(HuntingOptions.Section).AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append('|').Append(key).Append('=').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    // Images of other builds can never be found again, and of this build's only the newest few are kept (a suite that
    // moves the virtual clock seeds at many instants). One that another process still reads stays readable on Unix
    // (and is kept on Windows, where the delete fails).
    private void DeleteOtherBuilds()
    {
        var ours = new List<FileInfo>();
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles("*.db"))
        {
            var name = file.Name;
            var known = name.StartsWith(StoreKind + "-", StringComparison.Ordinal) || name.StartsWith(TenantKind + "-", StringComparison.Ordinal);
            if (!known)
            {
                continue;
            }

            if (name[(name.IndexOf('-', StringComparison.Ordinal) + 1)..].StartsWith(Build[..8], StringComparison.Ordinal))
            {
                ours.Add(file);
            }
            else
            {
                TryDelete(file.FullName);
            }
        }

        foreach (var file in ours.OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeptPerBuild))
        {
            TryDelete(file.FullName);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
