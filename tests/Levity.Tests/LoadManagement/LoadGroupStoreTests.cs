using Levity.Storage.LoadManagement;
using Levity.Tests.Storage;

namespace Levity.Tests.LoadManagement;

/// <summary>Load groups and charger settings in a real SQLite file, through the store's single writer.</summary>
public sealed class LoadGroupStoreTests
{
    [Fact]
    public async Task PutLoadGroup_NestedWithMembers_ReadBackAfterRestart()
    {
        using var database = TestDatabase.Empty();
        await using (var store = await TestStore.StartAsync(database.Path))
        {
            Assert.Equal(LoadGroupWriteOutcome.Created, (await store.PutLoadGroupAsync(new LoadGroupRecord("site", 80, null, [new("CP1"), new("CP2", 2)]))).Outcome);
            Assert.Equal(LoadGroupWriteOutcome.Created, (await store.PutLoadGroupAsync(new LoadGroupRecord("garage", 20, "site", [new("CP3")]))).Outcome);
            Assert.Equal(LoadGroupWriteOutcome.Updated, (await store.PutLoadGroupAsync(new LoadGroupRecord("site", 63, null, [new("CP1")]))).Outcome);
            await store.PutChargerLoadSettingsAsync(new ChargerLoadSettings("CP1", 8, 16, 1, "L2"));
        }

        await using var reopened = await TestStore.StartAsync(database.Path);
        var groups = await reopened.ListLoadGroupsAsync();

        Assert.Equal(["garage", "site"], groups.Select(g => g.Name));
        Assert.Equal(new LoadGroupMember("CP3"), Assert.Single(groups[0].Members));
        Assert.Equal("site", groups[0].Parent);
        Assert.Equal(63, groups[1].LimitAmps);
        Assert.Equal(new LoadGroupMember("CP1"), Assert.Single(groups[1].Members));
        Assert.Equal(new ChargerLoadSettings("CP1", 8, 16, 1, "L2"), Assert.Single(await reopened.ListChargerLoadSettingsAsync()));
        var tree = new LoadGroupTree(groups);
        Assert.Equal("site", tree.RootOfCharger("CP3"));
        Assert.Null(tree.RootOfCharger("CP2"));
    }

    [Fact]
    public async Task PutLoadGroup_BrokenRules_RefusedAndNothingChanged()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        await store.PutLoadGroupAsync(new LoadGroupRecord("site", 80, null, [new("CP1")]));
        await store.PutLoadGroupAsync(new LoadGroupRecord("garage", 20, "site", []));

        Assert.Equal(LoadGroupWriteOutcome.ParentNotFound, (await store.PutLoadGroupAsync(new LoadGroupRecord("x", 10, "nowhere", []))).Outcome);
        Assert.Equal(LoadGroupWriteOutcome.Cycle, (await store.PutLoadGroupAsync(new LoadGroupRecord("site", 80, "garage", [new("CP1")]))).Outcome);
        var elsewhere = await store.PutLoadGroupAsync(new LoadGroupRecord("garage", 20, "site", [new("CP1", 1)]));
        Assert.Equal(LoadGroupWriteOutcome.MemberElsewhere, elsewhere.Outcome);
        Assert.Contains("'site'", elsewhere.Detail, StringComparison.Ordinal);
        Assert.Equal(new LoadGroupWriteResult(LoadGroupWriteOutcome.HasChildren, "garage"), await store.DeleteLoadGroupAsync("site"));
        Assert.Equal(LoadGroupWriteOutcome.NotFound, (await store.DeleteLoadGroupAsync("nowhere")).Outcome);

        var groups = await store.ListLoadGroupsAsync();
        Assert.Equal([("garage", "site", 0), ("site", null, 1)], groups.Select(g => (g.Name, g.Parent, g.Members.Count)));

        Assert.Equal(LoadGroupWriteOutcome.Deleted, (await store.DeleteLoadGroupAsync("garage")).Outcome);
        Assert.Equal(LoadGroupWriteOutcome.Deleted, (await store.DeleteLoadGroupAsync("site")).Outcome);
        Assert.Empty(await store.ListLoadGroupsAsync());
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM load_group_member"));
    }

    [Theory]
    [InlineData(-1, 32, 3, null)]
    [InlineData(16, 10, 3, null)]
    [InlineData(6, 32, 2, null)]
    [InlineData(6, 32, 1, null)]
    [InlineData(6, 32, 3, "L1")]
    public async Task PutChargerLoadSettings_Invalid_Refused(double min, double max, int phases, string? phase)
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.PutChargerLoadSettingsAsync(new ChargerLoadSettings("CP1", min, max, phases, phase)));
    }

    [Theory]
    [InlineData("CP1", "CP1", 0)]
    [InlineData("CP1:2", "CP1", 2)]
    [InlineData("a:b:3", "a:b", 3)]
    public void Member_Parse_ChargerAndConnector(string text, string chargePointId, int connectorId)
    {
        var member = LoadGroupMember.Parse(text);

        Assert.Equal(new LoadGroupMember(chargePointId, connectorId), member);
        Assert.Equal(text, member!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("CP1:0")]
    [InlineData("CP1:x")]
    [InlineData(":2")]
    public void Member_Parse_Malformed_Null(string text) => Assert.Null(LoadGroupMember.Parse(text));
}
