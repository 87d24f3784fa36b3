using Levity.Runtime.Activation;
using Levity.Runtime.Configuration;
using Levity.Runtime.Filters;
using Levity.Runtime.Invocation;
using Levity.Runtime.Observers;
using Levity.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Runtime.Hosting;

/// <summary>
/// The runtime: grain directory, call dispatch, idle collection and graceful shutdown. One per
/// service provider, started and stopped by <see cref="SiloHostedService"/>.
/// </summary>
internal sealed partial class Silo : IDisposable
{
    private readonly GrainTypeRegistry _registry;
    private readonly ActivationCollector _collector;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger<Silo> _logger;
    private int _status;
    private long _callsInFlight;

    public Silo(
        IServiceProvider services,
        IEnumerable<GrainRegistration> registrations,
        IEnumerable<IIncomingGrainCallFilter> callFilters,
        IOptions<GrainCollectionOptions> collectionOptions,
        IOptions<SiloMessagingOptions> messagingOptions,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        var collection = collectionOptions.Value;
        RequirePositive(collection.CollectionAge, nameof(collection.CollectionAge));
        RequirePositive(collection.CollectionQuantum, nameof(collection.CollectionQuantum));
        RequirePositive(collection.DeactivationTimeout, nameof(collection.DeactivationTimeout));
        MaxEnqueuedRequests = messagingOptions.Value.MaxEnqueuedRequestsHardLimit > 0
            ? messagingOptions.Value.MaxEnqueuedRequestsHardLimit
            : throw new ArgumentOutOfRangeException(nameof(messagingOptions), "SiloMessagingOptions.MaxEnqueuedRequestsHardLimit must be positive.");

        Services = services;
        TimeProvider = timeProvider;
        CallFilters = [.. callFilters];
        DeactivationTimeout = collection.DeactivationTimeout;
        ShutdownToken = _shutdown.Token;
        ActivationLogger = loggerFactory.CreateLogger<GrainActivation>();
        _logger = loggerFactory.CreateLogger<Silo>();
        _registry = new GrainTypeRegistry(registrations);
        Directory = new ActivationDirectory(this);
        _collector = new ActivationCollector(Directory, collection, timeProvider, loggerFactory.CreateLogger<ActivationCollector>());
        GrainFactory = new GrainFactory(this);
    }

    public IServiceProvider Services { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Silo-wide filters in registration order.</summary>
    public IIncomingGrainCallFilter[] CallFilters { get; }

    public ActivationDirectory Directory { get; }

    public GrainFactory GrainFactory { get; }

    public ObserverRegistry Observers { get; } = new();

    public GrainTypeRegistry Registry => _registry;

    public int MaxEnqueuedRequests { get; }

    public TimeSpan DeactivationTimeout { get; }

    /// <summary>Cancelled when a stop is no longer graceful (the stop token fired) or the silo is disposed.</summary>
    public CancellationToken ShutdownToken { get; }

    public ILogger ActivationLogger { get; }

    private SiloStatus Status => (SiloStatus)Volatile.Read(ref _status);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CheckStateContracts();
        if (Interlocked.CompareExchange(ref _status, (int)SiloStatus.Running, (int)SiloStatus.Created) != (int)SiloStatus.Created)
        {
            throw new InvalidOperationException("The silo can only be started once.");
        }

        _collector.Start();
        Log.Started(_logger, _registry.Classes.Count());
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops gracefully: refuses calls from outside grains, lets running and queued calls finish,
    /// then deactivates every activation. <paramref name="cancellationToken"/> bounds the whole
    /// stop; when it fires, what is left is abandoned (and activations see their tokens cancelled).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var previous = (SiloStatus)Interlocked.CompareExchange(ref _status, (int)SiloStatus.Draining, (int)SiloStatus.Running);
        if (previous != SiloStatus.Running)
        {
            if (previous == SiloStatus.Created)
            {
                Interlocked.Exchange(ref _status, (int)SiloStatus.Stopped);
                return;
            }

            await _stopped.Task.WaitAsync(cancellationToken);
            return;
        }

        Log.Stopping(_logger, Interlocked.Read(ref _callsInFlight), Directory.Count);
        using var registration = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _shutdown);
        try
        {
            if (Interlocked.Read(ref _callsInFlight) == 0)
            {
                _drained.TrySetResult();
            }

            if (!await CompletesWithin(_drained.Task, cancellationToken))
            {
                Log.DrainAbandoned(_logger, Interlocked.Read(ref _callsInFlight));
            }

            Interlocked.Exchange(ref _status, (int)SiloStatus.Deactivating);
            var activations = Directory.Snapshot();
            foreach (var activation in activations)
            {
                activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping."));
            }

            if (!await CompletesWithin(Task.WhenAll(activations.Select(a => a.Deactivated)), cancellationToken))
            {
                Log.DeactivationAbandoned(_logger, activations.Count(a => !a.Deactivated.IsCompleted));
            }
        }
        finally
        {
            _collector.Dispose();
            Interlocked.Exchange(ref _status, (int)SiloStatus.Stopped);
            _stopped.TrySetResult();
            Log.Stopped(_logger);
        }
    }

    public Task<TResult> InvokeAsync<TResult>(GrainReference reference, GrainMethodInvoker<TResult> invoker, object?[] arguments)
    {
        var status = Status;
        if (status != SiloStatus.Running
            && !(status is SiloStatus.Draining or SiloStatus.Deactivating && RuntimeContext.Current is not null))
        {
            return Task.FromException<TResult>(Unavailable(status));
        }

        Interlocked.Increment(ref _callsInFlight);
        while (true)
        {
            var activation = reference.CachedActivation;
            if (activation is null || activation.IsInvalid)
            {
                activation = FindOrCreateActivation(reference.GrainId, reference.Interface.GrainClass);
                if (activation is null)
                {
                    OnCallCompleted();
                    return Task.FromException<TResult>(Unavailable(Status));
                }

                reference.CachedActivation = activation;
            }

            if (activation.TryInvoke(invoker, arguments, out var call))
            {
                return call;
            }

            reference.CachedActivation = null;
        }
    }

    /// <summary>Sends a call left in a deactivated activation's queue to the grain's next activation.</summary>
    public void Forward(GrainActivation from, IActivationMessage message)
    {
        while (true)
        {
            var target = FindOrCreateActivation(from.GrainId, from.GrainClass);
            if (target is null)
            {
                message.Reject(Unavailable(Status));
                return;
            }

            switch (target.Accept(message))
            {
                case AcceptResult.Accepted:
                    return;
                case AcceptResult.Full:
                    message.Reject(new LimitExceededException($"{from.GrainId} has too many queued calls."));
                    return;
            }
        }
    }

    public void OnCallCompleted()
    {
        if (Interlocked.Decrement(ref _callsInFlight) == 0 && Status != SiloStatus.Running)
        {
            _drained.TrySetResult();
        }
    }

    public void Dispose()
    {
        // The CancellationTokenSource is not disposed: late activations may still read its token.
        _shutdown.Cancel();
        _collector.Dispose();
    }

    private GrainActivation? FindOrCreateActivation(GrainId grainId, GrainClassInfo grainClass) =>
        Status >= SiloStatus.Deactivating ? Directory.Find(grainId) : Directory.GetOrCreate(grainId, grainClass);

    private static SiloUnavailableException Unavailable(SiloStatus status) => new(status switch
    {
        SiloStatus.Created => "The silo has not started; grain calls are accepted once the host has started.",
        SiloStatus.Stopped => "The silo has stopped.",
        _ => "The silo is stopping and accepts no new calls.",
    });

    private static async Task<bool> CompletesWithin(Task task, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void CheckStateContracts()
    {
        if (Services.GetService<IGrainStorageSerializer>() is JsonGrainStorageSerializer serializer)
        {
            foreach (var stateType in _registry.Classes.SelectMany(c => c.StateTypes))
            {
                serializer.GetTypeInfo(stateType);
            }
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"GrainCollectionOptions.{name} must be positive.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Information, "Silo started with {GrainClassCount} grain classes")]
        public static partial void Started(ILogger logger, int grainClassCount);

        [LoggerMessage(1002, LogLevel.Information, "Silo stopping: {CallsInFlight} calls in flight, {ActivationCount} activations")]
        public static partial void Stopping(ILogger logger, long callsInFlight, int activationCount);

        [LoggerMessage(1003, LogLevel.Information, "Silo stopped")]
        public static partial void Stopped(ILogger logger);

        [LoggerMessage(1004, LogLevel.Warning, "Stop timed out with {CallsInFlight} calls still in flight; deactivating anyway")]
        public static partial void DrainAbandoned(ILogger logger, long callsInFlight);

        [LoggerMessage(1005, LogLevel.Warning, "Stop timed out with {Count} activations not deactivated")]
        public static partial void DeactivationAbandoned(ILogger logger, int count);
    }
}
