using Levity.Runtime;
using Levity.Tests.Runtime.TestGrains;

namespace Levity.Tests.Runtime;

[Collection(ClusterCollection.Name)]
public sealed class ObserverTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _factory = fixture.Cluster.GrainFactory;

    [Fact]
    public async Task Broadcast_SubscribedSessions_ReceivePushesOutsideGrainContext()
    {
        var hub = _factory.GetGrain<IHubGrain>(NewKey());
        var first = new Session("first");
        var second = new Session("second");
        await hub.Subscribe(_factory.CreateObjectReference<ISessionObserver>(first));
        await hub.Subscribe(_factory.CreateObjectReference<ISessionObserver>(second));

        Assert.Equal(2, await hub.Broadcast("hello"));

        Assert.Equal(["hello"], first.Received);
        Assert.Equal(["hello"], second.Received);
        Assert.False(first.SawSynchronizationContext);
    }

    [Fact]
    public async Task Broadcast_DeletedReference_IsDropped()
    {
        var hub = _factory.GetGrain<IHubGrain>(NewKey());
        var live = new Session("live");
        var gone = new Session("gone");
        var goneReference = _factory.CreateObjectReference<ISessionObserver>(gone);
        await hub.Subscribe(_factory.CreateObjectReference<ISessionObserver>(live));
        await hub.Subscribe(goneReference);

        _factory.DeleteObjectReference<ISessionObserver>(goneReference);

        Assert.Equal(1, await hub.Broadcast("after delete"));
        Assert.Empty(gone.Received);
        Assert.Equal(["after delete"], live.Received);
    }

    [Fact]
    public async Task Broadcast_ObserverThatThrows_IsDroppedOthersStillServed()
    {
        var hub = _factory.GetGrain<IHubGrain>(NewKey());
        var live = new Session("live");
        await hub.Subscribe(_factory.CreateObjectReference<ISessionObserver>(new Session("broken", broken: true)));
        await hub.Subscribe(_factory.CreateObjectReference<ISessionObserver>(live));

        Assert.Equal(1, await hub.Broadcast("one"));
        Assert.Equal(1, await hub.Broadcast("two"));

        Assert.Equal(["one", "two"], live.Received);
    }

    [Fact]
    public async Task Call_ThroughDeletedReference_FailsWithClientNotAvailable()
    {
        var hub = _factory.GetGrain<IHubGrain>(NewKey());
        var session = new Session("s");
        var reference = _factory.CreateObjectReference<ISessionObserver>(session);

        Assert.Null(await hub.PushDirect(reference, "before"));
        _factory.DeleteObjectReference<ISessionObserver>(reference);

        Assert.Equal(nameof(ClientNotAvailableException), await hub.PushDirect(reference, "after"));
        await Assert.ThrowsAsync<ClientNotAvailableException>(async () => await reference.GetReceivedCount());
        Assert.Equal(["before"], session.Received);
    }

    [Fact]
    public async Task ObserverReference_ValueTaskMethod_ReturnsTargetsResult()
    {
        var session = new Session("s");
        var reference = _factory.CreateObjectReference<ISessionObserver>(session);

        await reference.Push("x");

        Assert.Equal(1, await reference.GetReceivedCount());
    }

    [Fact]
    public void DeleteObjectReference_NotAReference_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => _factory.DeleteObjectReference<ISessionObserver>(new Session("plain")));
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
