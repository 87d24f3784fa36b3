using System.Diagnostics.Metrics;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Grains.Plugins;

/// <summary>
/// Runs plugin code in isolation: a hook that throws is logged and counted and the charger still
/// gets its answer; a Before/On hook is abandoned after <see cref="PluginOptions.HookTimeout"/>.
/// </summary>
public sealed partial class PluginRunner
{
    public const string MeterName = "Levity.Plugins";

    private readonly PluginOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PluginRunner> _logger;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _timeouts;

    public PluginRunner(IStoreReader store, IOptions<PluginOptions> options, TimeProvider time, IMeterFactory meters, ILogger<PluginRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
        var meter = meters.Create(MeterName);
        _errors = meter.CreateCounter<long>("levity_plugin_errors_total", description: "Plugin hooks that threw (the charger still got its answer)");
        _timeouts = meter.CreateCounter<long>("levity_plugin_timeouts_total", description: "Plugin hooks abandoned for running too long");
    }

    internal IStoreReader Store { get; }

    internal async Task RunBoundedAsync(IChargePointPlugin plugin, HookPoint point, string chargePointId, Func<CancellationToken, ValueTask> hook)
    {
        using var timeout = new CancellationTokenSource(_options.HookTimeout, _time);
        try
        {
            await hook(timeout.Token).AsTask().WaitAsync(_options.HookTimeout, _time);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && timeout.IsCancellationRequested))
        {
            await timeout.CancelAsync();
            Count(_timeouts, plugin, point);
            Log.HookTimedOut(_logger, plugin.GetType().Name, point, chargePointId, _options.HookTimeout.TotalSeconds);
        }
        catch (Exception e)
        {
            Count(_errors, plugin, point);
            Log.HookFailed(_logger, e, plugin.GetType().Name, point, chargePointId);
        }
    }

    internal async Task RunAfterAsync(IChargePointPlugin plugin, string chargePointId, Func<CancellationToken, ValueTask> hook, CancellationToken deactivation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(deactivation);
        timeout.CancelAfter(_options.AfterHookTimeout);
        try
        {
            await hook(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Count(_timeouts, plugin, HookPoint.After);
            Log.HookTimedOut(_logger, plugin.GetType().Name, HookPoint.After, chargePointId, _options.AfterHookTimeout.TotalSeconds);
        }
        catch (Exception e)
        {
            Count(_errors, plugin, HookPoint.After);
            Log.HookFailed(_logger, e, plugin.GetType().Name, HookPoint.After, chargePointId);
        }
    }

    /// <summary>InitializeAsync of every plugin, each isolated and bounded.</summary>
    internal async Task ConnectedAsync(string chargePointId, IChargePointGrain grain, IReadOnlyList<IChargePointPlugin> plugins)
    {
        var session = new PluginSession(chargePointId, grain, Store);
        foreach (var plugin in plugins)
        {
            await RunBoundedAsync(plugin, HookPoint.Before, chargePointId, ct => plugin.InitializeAsync(session, ct));
        }
    }

    /// <summary>CleanupAsync of every plugin, each isolated and bounded.</summary>
    internal async Task DisconnectedAsync(string chargePointId, IChargePointGrain grain, IReadOnlyList<IChargePointPlugin> plugins)
    {
        var session = new PluginSession(chargePointId, grain, Store);
        foreach (var plugin in plugins)
        {
            await RunBoundedAsync(plugin, HookPoint.After, chargePointId, ct => plugin.CleanupAsync(session, ct));
        }
    }

    private static void Count(Counter<long> counter, IChargePointPlugin plugin, HookPoint point) =>
        counter.Add(1, new KeyValuePair<string, object?>("plugin", plugin.GetType().Name), new KeyValuePair<string, object?>("hook", point.ToString()));

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "Plugin {Plugin} {Hook} hook failed for charger {ChargePointId}; the charger got its normal answer")]
        public static partial void HookFailed(ILogger logger, Exception exception, string plugin, HookPoint hook, string chargePointId);

        [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Plugin {Plugin} {Hook} hook for charger {ChargePointId} ran past {Seconds} s; abandoned")]
        public static partial void HookTimedOut(ILogger logger, string plugin, HookPoint hook, string chargePointId, double seconds);
    }
}
