using System.IO.Compression;
using System.Text;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>A small investigation package zip with the folders the real package documents, describing the action.</summary>
internal static class InvestigationPackage
{
    private static readonly string[] Folders =
    [
        "Autoruns", "Installed programs", "Network connections", "Prefetch files", "Processes", "Scheduled tasks",
        "Security event log", "Services", "Users and Groups",
    ];

    public static byte[] Build(MachineAction action)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var folder in Folders)
            {
                var entry = zip.CreateEntry($"{folder}/README.txt");
                using var writer = new StreamWriter(entry.Open(), Encoding.UTF8);
                writer.Write($"Emulated {folder} data for machine {action.ComputerDnsName} ({action.MachineId}), collected by action {action.Id}.");
            }
        }

        return buffer.ToArray();
    }
}
