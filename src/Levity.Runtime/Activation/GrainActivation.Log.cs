using Levity.Runtime.Invocation;
using Microsoft.Extensions.Logging;

namespace Levity.Runtime.Activation;

internal sealed partial class GrainActivation
{
    public void LogCallFailed(GrainMethodInvoker invoker, bool grainMethodInvoked, Task failed)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var exception = failed.IsCanceled ? new TaskCanceledException(failed) : failed.Exception!.InnerException!;
            Log.CallFailed(_logger, invoker.DisplayName, GrainId, grainMethodInvoked, exception);
        }
    }

    public void LogTimerTickFailed(Exception exception) => Log.TimerTickFailed(_logger, GrainId, exception);

    private static partial class Log
    {
        [LoggerMessage(2001, LogLevel.Debug, "Activated {GrainId}")]
        public static partial void Activated(ILogger logger, GrainId grainId);

        [LoggerMessage(2002, LogLevel.Warning, "Activation of {GrainId} failed; its queued calls fail with the same exception")]
        public static partial void ActivationFailed(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(2003, LogLevel.Debug, "Deactivating {GrainId} ({Reason})")]
        public static partial void Deactivating(ILogger logger, GrainId grainId, DeactivationReason reason);

        [LoggerMessage(2004, LogLevel.Debug, "Deactivated {GrainId} ({Reason})")]
        public static partial void Deactivated(ILogger logger, GrainId grainId, DeactivationReason reason);

        [LoggerMessage(2005, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed or timed out")]
        public static partial void OnDeactivateFailed(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(2006, LogLevel.Warning, "Background work of {GrainId} failed")]
        public static partial void BackgroundWorkFailed(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(2007, LogLevel.Warning, "Background work of {GrainId} did not end within the deactivation timeout; deactivating anyway")]
        public static partial void BackgroundWorkOutlivedDeactivation(ILogger logger, GrainId grainId);

        [LoggerMessage(2008, LogLevel.Warning, "Disposing {GrainId} failed")]
        public static partial void DisposeFailed(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(2009, LogLevel.Error, "A callback posted to {GrainId} threw")]
        public static partial void PostedCallbackFailed(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(3001, LogLevel.Debug, "Call {Method} on {GrainId} failed (grain method invoked: {GrainMethodInvoked})")]
        public static partial void CallFailed(ILogger logger, string method, GrainId grainId, bool grainMethodInvoked, Exception exception);

        [LoggerMessage(4001, LogLevel.Warning, "A timer tick of {GrainId} failed")]
        public static partial void TimerTickFailed(ILogger logger, GrainId grainId, Exception exception);
    }
}
