using Levity.Runtime;
using Levity.Runtime.Storage;
using Levity.Runtime.Testing;
using Levity.Tests.Runtime.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Runtime;

public sealed class PersistentStateTests
{
    private static readonly GrainId Profile = new("profile", "ada");

    [Fact]
    public async Task State_StoredBeforeActivation_IsLoadedBeforeOnActivateAsync()
    {
        await using var cluster = await TestSilo.StartAsync();
        await Storage(cluster).WriteStateAsync("profile", Profile, new GrainState<ProfileState>(new ProfileState { Name = "Ada", Visits = 9 }));

        var grain = cluster.Grain<IProfileGrain>("ada");

        Assert.Equal(new ProfileState { Name = "Ada", Visits = 9 }, await grain.GetStateAtActivation());
        Assert.True(await grain.GetRecordExists());
    }

    [Fact]
    public async Task WriteStateAsync_FromGrain_IsStoredWithTheGrainsEtag()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<IProfileGrain>("ada");

        await grain.SetName("Ada");
        await grain.SetName("Ada L.");
        var stored = new GrainState<ProfileState>();
        await Storage(cluster).ReadStateAsync("profile", Profile, stored);

        Assert.Equal(new ProfileState { Name = "Ada L.", Visits = 2 }, stored.State);
        Assert.Equal(await grain.GetEtag(), stored.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_AfterAnotherWriter_CallerGetsInconsistentStateUntilGrainRereads()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<IProfileGrain>("ada");
        await grain.SetName("Ada");
        var other = new GrainState<ProfileState>();
        await Storage(cluster).ReadStateAsync("profile", Profile, other);
        other.State = other.State with { Name = "changed elsewhere" };
        await Storage(cluster).WriteStateAsync("profile", Profile, other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetName("lost update"));
        await grain.Reload();
        Assert.Equal("changed elsewhere", (await grain.GetState()).Name);
        await grain.SetName("after reread");

        await Storage(cluster).ReadStateAsync("profile", Profile, other);
        Assert.Equal("after reread", other.State.Name);
    }

    [Fact]
    public async Task ClearStateAsync_FromGrain_NextActivationStartsFresh()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<IProfileGrain>("ada");
        await grain.SetName("Ada");

        await grain.Clear();
        Assert.False(await grain.GetRecordExists());
        await grain.Deactivate();
        await cluster.Probe().WaitFor("deactivate:ada:ApplicationRequested");

        Assert.Equal(new ProfileState(), await grain.GetStateAtActivation());
        Assert.False(await grain.GetRecordExists());
    }

    [Fact]
    public async Task TwoStatesOfSameType_InOneGrain_AreIndependent()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<IProfileGrain>("ada");

        await grain.SetName("main");
        await grain.SetBackupName("backup");

        Assert.Equal("main", (await grain.GetState()).Name);
        Assert.Equal("backup", (await grain.GetBackupState()).Name);
    }

    private static IGrainStorage Storage(InProcessTestCluster cluster) =>
        cluster.ServiceProvider.GetRequiredKeyedService<IGrainStorage>("Default");
}
