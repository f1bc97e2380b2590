using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DefenderApi.Emulator.DropIn;

/// <summary>
/// Reads and writes the root's two files: the certificate (<c>root.pem</c>, world-readable) and its key
/// (<c>root.key</c>, owner-only 0600, in an owner-only folder). Two processes starting at once create one root:
/// creation happens under an exclusive lock file.
/// </summary>
internal static class RootFiles
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    public static (X509Certificate2 Root, ECDsa Key) LoadOrCreate(string directory, Func<(X509Certificate2, ECDsa)> create)
    {
        CreateFolder(directory);
        var certificatePath = Path.Combine(directory, CertificateAuthority.RootFileName);
        var keyPath = Path.Combine(directory, CertificateAuthority.KeyFileName);
        using var exclusive = Lock(Path.Combine(directory, ".lock"));
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(keyPath));
            return (X509CertificateLoader.LoadCertificateFromFile(certificatePath), key);
        }

        var (root, rootKey) = create();
        Write(keyPath, rootKey.ExportPkcs8PrivateKeyPem(), OwnerOnlyFile);
        Write(certificatePath, root.ExportCertificatePem() + "\n", OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return (root, rootKey);
    }

    private static void CreateFolder(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyFolder);
        }
    }

    private static void Write(string path, string text, UnixFileMode mode)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(text);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static FileStream Lock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = OwnerOnlyFile;
                }

                return new FileStream(path, options);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(25);
            }
        }
    }
}
