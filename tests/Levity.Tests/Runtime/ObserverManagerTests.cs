using Levity.Runtime;
using Levity.Runtime.Hosting;
using Levity.Runtime.Observers;
using Levity.Runtime.Testing;
using Levity.Tests.Runtime.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Tests.Runtime;

public sealed class ObserverManagerTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _timeProvider = new();
    private ServiceProvider _services = null!;
    private IGrainFactory _factory = null!;
    private ObserverManager<ISessionObserver> _manager = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddLevitySilo(_ => { }).BuildServiceProvider();
        _factory = _services.GetRequiredService<IGrainFactory>();
        _manager = new ObserverManager<ISessionObserver>(TimeSpan.FromMinutes(5), _timeProvider, NullLogger.Instance);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Notify_LiveObservers_AllReceive()
    {
        var (a, aRef) = Session("a");
        var (b, bRef) = Session("b");
        _manager.Subscribe(aRef);
        _manager.Subscribe(bRef);

        await _manager.Notify(o => o.Push("m"));

        Assert.Equal(["m"], a.Received);
        Assert.Equal(["m"], b.Received);
        Assert.Equal(2, _manager.Count);
    }

    [Fact]
    public async Task Notify_Predicate_SkipsNonMatchingWithoutDroppingThem()
    {
        var (a, aRef) = Session("a");
        var (b, bRef) = Session("b");
        _manager.Subscribe(aRef);
        _manager.Subscribe(bRef);

        await _manager.Notify(o => o.Push("only a"), o => ReferenceEquals(o, aRef));

        Assert.Equal(["only a"], a.Received);
        Assert.Empty(b.Received);
        Assert.Equal(2, _manager.Count);
    }

    [Fact]
    public async Task Notify_SubscriptionOlderThanExpiration_IsDroppedUnlessRenewed()
    {
        var (old, oldRef) = Session("old");
        var (renewed, renewedRef) = Session("renewed");
        _manager.Subscribe(oldRef);
        _manager.Subscribe(renewedRef);

        _timeProvider.Advance(TimeSpan.FromMinutes(4));
        _manager.Subscribe(renewedRef);
        _timeProvider.Advance(TimeSpan.FromMinutes(2));
        await _manager.Notify(o => o.Push("late"));

        Assert.Empty(old.Received);
        Assert.Equal(["late"], renewed.Received);
        Assert.Equal([renewedRef], _manager.Observers.Values);
    }

    [Fact]
    public void Notify_SynchronousAndDeletedReference_DropsDeleted()
    {
        var (_, deletedRef) = Session("deleted");
        var (live, liveRef) = Session("live");
        _manager.Subscribe(deletedRef);
        _manager.Subscribe(liveRef);
        _factory.DeleteObjectReference<ISessionObserver>(deletedRef);

        _manager.Notify(o => o.Push("sync").GetAwaiter().GetResult());

        Assert.Equal(["sync"], live.Received);
        Assert.Equal(1, _manager.Count);
    }

    [Fact]
    public async Task Notify_ObserverThrows_IsDropped()
    {
        var (_, brokenRef) = Session("broken", broken: true);
        _manager.Subscribe(brokenRef);

        await _manager.Notify(o => o.Push("x"));

        Assert.Equal(0, _manager.Count);
    }

    [Fact]
    public void ClearExpired_RemovesOnlyExpiredAndDeleted()
    {
        var (_, expiredRef) = Session("expired");
        _manager.Subscribe(expiredRef);
        _timeProvider.Advance(TimeSpan.FromMinutes(6));
        var (_, freshRef) = Session("fresh");
        var (_, deletedRef) = Session("deleted");
        _manager.Subscribe(freshRef);
        _manager.Subscribe(deletedRef);
        _factory.DeleteObjectReference<ISessionObserver>(deletedRef);

        _manager.ClearExpired();

        Assert.Equal([freshRef], _manager.Observers.Values);
    }

    [Fact]
    public void Unsubscribe_Known_RemovesIt()
    {
        var (_, reference) = Session("s");
        _manager.Subscribe(reference);

        Assert.True(_manager.Unsubscribe(reference));
        Assert.False(_manager.Unsubscribe(reference));
        Assert.Equal(0, _manager.Count);
    }

    [Fact]
    public async Task Notify_InfiniteExpiration_NeverExpires()
    {
        var manager = new ObserverManager<ISessionObserver>(Timeout.InfiniteTimeSpan, _timeProvider, NullLogger.Instance);
        var (session, reference) = Session("s");
        manager.Subscribe(reference);

        _timeProvider.Advance(TimeSpan.FromDays(365));
        await manager.Notify(o => o.Push("still here"));

        Assert.Equal(["still here"], session.Received);
    }

    private (Session Session, ISessionObserver Reference) Session(string name, bool broken = false)
    {
        var session = new Session(name, broken);
        return (session, _factory.CreateObjectReference<ISessionObserver>(session));
    }
}
