using Microsoft.Extensions.Logging;

namespace Levity.Runtime.Observers;

/// <summary>
/// Keeps a grain's subscribers and drops dead ones (Orleans <c>ObserverManager</c>). An observer
/// is dropped when it has not re-subscribed within <see cref="ExpirationDuration"/>, when its
/// reference was deleted, or when a notification to it throws (for a deleted reference that is
/// <see cref="ClientNotAvailableException"/>; any other exception counts as dead too, as in
/// Orleans). Not thread-safe: use it from one grain's turns.
/// </summary>
public class ObserverManager<TIdentity, TObserver>
    where TIdentity : notnull
{
    private readonly Dictionary<TIdentity, Subscription> _observers = [];
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <param name="expiration">How long a subscription lasts without <see cref="Subscribe"/> renewing it; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <param name="timeProvider">Clock for expiry.</param>
    /// <param name="logger">Where dropped observers are logged (Debug).</param>
    public ObserverManager(TimeSpan expiration, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ExpirationDuration = expiration;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public TimeSpan ExpirationDuration { get; set; }

    public int Count => _observers.Count;

    /// <summary>A snapshot of the current observers by identity.</summary>
    public IReadOnlyDictionary<TIdentity, TObserver> Observers =>
        _observers.ToDictionary(pair => pair.Key, pair => pair.Value.Observer);

    /// <summary>Adds an observer, or renews it (and replaces the reference) if already subscribed.</summary>
    public void Subscribe(TIdentity id, TObserver observer)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(observer);
        _observers[id] = new Subscription(observer, _timeProvider.GetUtcNow());
    }

    public bool Unsubscribe(TIdentity id) => _observers.Remove(id);

    public void Clear() => _observers.Clear();

    /// <summary>Calls every live observer matching <paramref name="predicate"/>, one after another; drops dead ones.</summary>
    public async Task Notify(Func<TObserver, Task> notification, Func<TObserver, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var now = _timeProvider.GetUtcNow();
        List<TIdentity>? dead = null;
        foreach (var (id, subscription) in _observers.ToArray())
        {
            if (IsDead(id, subscription, now))
            {
                (dead ??= []).Add(id);
                continue;
            }

            if (predicate is not null && !predicate(subscription.Observer))
            {
                continue;
            }

            try
            {
                await notification(subscription.Observer);
            }
            catch (Exception exception)
            {
                ObserverManagerLog.NotificationFailed(_logger, id.ToString(), exception);
                (dead ??= []).Add(id);
            }
        }

        Remove(dead);
    }

    /// <summary>Synchronous variant of <see cref="Notify(Func{TObserver, Task}, Func{TObserver, bool}?)"/>.</summary>
    public void Notify(Action<TObserver> notification, Func<TObserver, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var now = _timeProvider.GetUtcNow();
        List<TIdentity>? dead = null;
        foreach (var (id, subscription) in _observers.ToArray())
        {
            if (IsDead(id, subscription, now))
            {
                (dead ??= []).Add(id);
                continue;
            }

            if (predicate is not null && !predicate(subscription.Observer))
            {
                continue;
            }

            try
            {
                notification(subscription.Observer);
            }
            catch (Exception exception)
            {
                ObserverManagerLog.NotificationFailed(_logger, id.ToString(), exception);
                (dead ??= []).Add(id);
            }
        }

        Remove(dead);
    }

    /// <summary>Drops expired and deleted observers without notifying anyone.</summary>
    public void ClearExpired()
    {
        var now = _timeProvider.GetUtcNow();
        List<TIdentity>? dead = null;
        foreach (var (id, subscription) in _observers)
        {
            if (IsDead(id, subscription, now))
            {
                (dead ??= []).Add(id);
            }
        }

        Remove(dead);
    }

    private bool IsDead(TIdentity id, Subscription subscription, DateTimeOffset now)
    {
        if (subscription.Observer is ObserverReference { IsDeleted: true })
        {
            ObserverManagerLog.Deleted(_logger, id.ToString());
            return true;
        }

        if (ExpirationDuration >= TimeSpan.Zero && now - subscription.LastSeen > ExpirationDuration)
        {
            ObserverManagerLog.Expired(_logger, id.ToString(), subscription.LastSeen);
            return true;
        }

        return false;
    }

    private void Remove(List<TIdentity>? dead)
    {
        if (dead is null)
        {
            return;
        }

        foreach (var id in dead)
        {
            _observers.Remove(id);
        }
    }

    private readonly record struct Subscription(TObserver Observer, DateTimeOffset LastSeen);
}

/// <summary>An <see cref="ObserverManager{TIdentity, TObserver}"/> keyed by the observer references themselves.</summary>
public class ObserverManager<TObserver>(TimeSpan expiration, TimeProvider timeProvider, ILogger logger)
    : ObserverManager<IAddressable, TObserver>(expiration, timeProvider, logger)
    where TObserver : IAddressable
{
    /// <summary>Subscribes <paramref name="observer"/> under itself.</summary>
    public void Subscribe(TObserver observer) => Subscribe(observer, observer);

    public bool Unsubscribe(TObserver observer) => base.Unsubscribe(observer);
}
