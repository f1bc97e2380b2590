namespace DefenderApi.Packaging.Tests;

/// <summary>The repository the tests run in (found from the test assembly upwards).</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DefenderApi.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("DefenderApi.slnx not found above the test binaries.");
        }
    }
}
