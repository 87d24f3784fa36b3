using System.Collections.Concurrent;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Levity.Grains.Plugins;

/// <summary>
/// Runs After hooks outside every grain turn, once the gateway has put the answer on the socket,
/// and keeps track of them: at shutdown no new ones start, the running ones see their token
/// cancelled, and the host waits for them (bounded by its shutdown timeout) before the silo stops.
/// </summary>
public sealed partial class AfterHookWork(PluginRegistry registry, PluginRunner runner, ILogger<AfterHookWork> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private volatile bool _stopped;

    /// <summary>Whether an answer to <paramref name="requestType"/> has After hooks to run.</summary>
    public bool Wants(Type requestType) => registry.HasAfterHooks(requestType);

    /// <summary>
    /// Starts the After hooks of an answered charger message; false when shutting down.
    /// <paramref name="rawFrame"/> is a copy: the receive buffer is reused once this returns.
    /// </summary>
    public bool Start(string chargePointId, IChargePointGrain grain, IOcppRequest request, IOcppResponse response, byte[] rawFrame)
    {
        if (_stopped)
        {
            Log.Skipped(logger, chargePointId, request.Action);
            return false;
        }

        var work = RunAsync(chargePointId, grain, request, response, rawFrame);
        if (!work.IsCompleted)
        {
            _running.TryAdd(work, 0);
            _ = work.ContinueWith(static (t, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(t, out _), _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return true;
    }

    private async Task RunAsync(string chargePointId, IChargePointGrain grain, IOcppRequest request, IOcppResponse response, byte[] rawFrame)
    {
        // Off the receive loop: the charger's next message is read while the hooks run.
        await Task.Yield();
        try
        {
            var state = await grain.GetState();
            await registry.RunAfterHooksAsync(new AnsweredCall(chargePointId, grain, request, response, rawFrame, state), runner, _stopping.Token);
        }
        catch (Exception e)
        {
            // The hooks themselves are isolated by the runner; this is the state read failing.
            Log.Failed(logger, e, chargePointId, request.Action);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopped = true;
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of shutdown time: the hooks were told to stop; the process exits anyway.
        }
    }

    public void Dispose() => _stopping.Dispose();

    private static partial class Log
    {
        [LoggerMessage(EventId = 402, Level = LogLevel.Debug, Message = "After hooks of {Action} from charger {ChargePointId} skipped: shutting down")]
        public static partial void Skipped(ILogger logger, string chargePointId, Ocpp.Actions.OcppAction action);

        [LoggerMessage(EventId = 403, Level = LogLevel.Error, Message = "After hooks of {Action} from charger {ChargePointId} could not start")]
        public static partial void Failed(ILogger logger, Exception exception, string chargePointId, Ocpp.Actions.OcppAction action);
    }
}
