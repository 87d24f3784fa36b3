using Levity.Runtime.Configuration;
using Microsoft.Extensions.Logging;

namespace Levity.Runtime.Activation;

/// <summary>Every collection quantum, deactivates activations idle for longer than the collection age.</summary>
internal sealed partial class ActivationCollector(
    ActivationDirectory directory, GrainCollectionOptions options, TimeProvider timeProvider, ILogger<ActivationCollector> logger)
    : IDisposable
{
    private ITimer? _timer;

    public void Start()
    {
        var restoreFlow = !ExecutionContext.IsFlowSuppressed();
        var flowControl = restoreFlow ? ExecutionContext.SuppressFlow() : default;
        try
        {
            _timer = timeProvider.CreateTimer(
                static state => ((ActivationCollector)state!).Collect(), this, options.CollectionQuantum, options.CollectionQuantum);
        }
        finally
        {
            if (restoreFlow)
            {
                flowControl.Undo();
            }
        }
    }

    /// <summary>One pass; returns how many activations started to deactivate.</summary>
    public int Collect()
    {
        var now = timeProvider.GetTimestamp();
        var collected = 0;
        foreach (var activation in directory.Activations)
        {
            if (activation.TryCollect(now, options.CollectionAge))
            {
                collected++;
            }
        }

        if (collected > 0)
        {
            Log.Collected(logger, collected);
        }

        return collected;
    }

    public void Dispose() => _timer?.Dispose();

    private static partial class Log
    {
        [LoggerMessage(5001, LogLevel.Debug, "Deactivating {Count} idle activations")]
        public static partial void Collected(ILogger logger, int count);
    }
}
