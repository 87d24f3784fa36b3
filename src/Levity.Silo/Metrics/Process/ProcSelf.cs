using System.Globalization;

namespace Levity.Silo.Metrics.Process;

/// <summary>
/// Reads the Linux /proc/self files behind the standard process metrics. Every reader returns
/// null where the file is missing or unreadable (other systems, hardened containers), so a scrape
/// simply leaves the sample out.
/// </summary>
internal static class ProcSelf
{
    private const string Root = "/proc/self";

    /// <summary>Resident and virtual memory in bytes, from /proc/self/statm (sizes in pages).</summary>
    public static (long Resident, long Virtual)? Memory()
    {
        var statm = ReadText(Path.Combine(Root, "statm"));
        if (statm is null)
        {
            return null;
        }

        var fields = statm.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2
            || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sizePages)
            || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var residentPages))
        {
            return null;
        }

        long page = Environment.SystemPageSize;
        return (residentPages * page, sizePages * page);
    }

    /// <summary>Open file descriptors: the entries of /proc/self/fd.</summary>
    public static long? OpenFileDescriptors()
    {
        try
        {
            long count = 0;
            foreach (var _ in Directory.EnumerateFileSystemEntries(Path.Combine(Root, "fd")))
            {
                count++;
            }

            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The soft limit of "Max open files" in /proc/self/limits.</summary>
    public static long? MaxFileDescriptors()
    {
        var limits = ReadText(Path.Combine(Root, "limits"));
        if (limits is null)
        {
            return null;
        }

        foreach (var line in limits.Split('\n'))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft))
                {
                    return soft;
                }
            }
        }

        return null;
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
