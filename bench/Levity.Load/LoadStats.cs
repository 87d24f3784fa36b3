using System.Collections.Concurrent;
using System.Diagnostics;

namespace Levity.Load;

/// <summary>Latencies (from the scheduled send time, so a stalled server is not hidden) and errors.</summary>
internal sealed class LoadStats
{
    private readonly ConcurrentBag<List<long>> _latencies = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private long _answered;
    private int _connected;

    public List<long> NewRecorder()
    {
        var list = new List<long>(4096);
        _latencies.Add(list);
        return list;
    }

    public void Answered(List<long> recorder, long scheduledTimestamp)
    {
        recorder.Add(Stopwatch.GetTimestamp() - scheduledTimestamp);
        Interlocked.Increment(ref _answered);
    }

    public void Error(string what) => _errors.AddOrUpdate(Trim(what), 1, static (_, n) => n + 1);

    public void Connected() => Interlocked.Increment(ref _connected);

    public long AnsweredCount => Interlocked.Read(ref _answered);

    public int ConnectedCount => Volatile.Read(ref _connected);

    public IReadOnlyDictionary<string, int> Errors => _errors;

    /// <summary>Percentiles in milliseconds over every recorded call.</summary>
    public (double P50, double P95, double P99, double Max) Percentiles()
    {
        var all = _latencies.SelectMany(l => l).ToArray();
        if (all.Length == 0)
        {
            return (0, 0, 0, 0);
        }

        Array.Sort(all);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double At(double q) => Ms(all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)]);
        return (At(0.50), At(0.95), At(0.99), Ms(all[^1]));
    }

    private static string Trim(string what) => what.Length <= 120 ? what : what[..120];
}
