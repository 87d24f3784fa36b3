using Levity.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Levity.Tests.Storage;

public sealed class StoreRegistrationTests
{
    [Fact]
    public async Task AddLevityStore_Host_OpensOnStartAndFlushesOnStop()
    {
        using var database = TestDatabase.Empty();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLevityStore(o => o.DatabasePath = database.Path);
        using var host = builder.Build();

        await host.StartAsync();
        var store = host.Services.GetRequiredService<IStoreWriter>();
        Assert.Same(host.Services.GetRequiredService<LevityStore>(), store);
        Assert.Same(store, host.Services.GetRequiredService<IStoreReader>());
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG", 0, TestStore.Epoch));
        await host.StopAsync();

        Assert.Equal((long)id, database.Scalar("SELECT id FROM tx"));
        await Assert.ThrowsAsync<StoreWriteException>(async () => await store.RecordHeartbeatAsync("CP1", TestStore.Epoch));
    }

    [Fact]
    public void LevityStore_InvalidOptions_Throws()
    {
        using var database = TestDatabase.Empty();

        Assert.Throws<ArgumentOutOfRangeException>(() => TestStore.Create(database.Path, configure: o => o.MaxBatchSize = 0));
        Assert.Throws<ArgumentException>(() => TestStore.Create(" "));
    }
}
