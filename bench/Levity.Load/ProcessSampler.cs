using System.Globalization;

namespace Levity.Load;

/// <summary>Reads a local process's resident memory and CPU time from /proc (Linux).</summary>
internal static class ProcessSampler
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static (long RssBytes, double CpuSeconds)? Sample(int pid)
    {
        try
        {
            long rss = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }

            // Fields after the parenthesised command name: utime is the 14th, stime the 15th field overall.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
            return (rss, cpu);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
