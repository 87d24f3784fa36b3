using Levity.Grains.Interfaces.LoadManagement;
using Levity.Storage.LoadManagement;
using Levity.Tests.Metrics;
using Levity.Tests.Metrics.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.LoadManagement;

/// <summary>The levity_load_* series on /metrics, fed by a real site with a charger that obeys and one that rejects.</summary>
[Collection(MetricsCollection.Name)]
public sealed class LoadMetricsTests
{
    [Fact]
    public async Task SiteWithRejectingCharger_LimitAllocationRejectionAndUnmanagedExposed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (group, obeying, rejecting) = ("mx-" + suffix, "MXA-" + suffix, "MXB-" + suffix);
        await using var server = await MetricsServer.StartAsync();
        var services = server.Server.Services;
        await services.GetRequiredService<ILoadGroupStore>().PutLoadGroupAsync(new LoadGroupRecord(group, 40, null, [new(obeying), new(rejecting)]));
        await services.GetRequiredService<IGrainFactory>().GetGrain<ILoadGroupGrain>(group).Reload();
        await using var a = new SimulatedCharger(obeying, ChargerBehaviour.Obey);
        await using var b = new SimulatedCharger(rejecting, ChargerBehaviour.Reject);
        await a.ConnectAsync(server.Server.WsBase);
        await b.ConnectAsync(server.Server.WsBase);
        await a.StartAsync(DateTimeOffset.UtcNow);
        await b.StartAsync(DateTimeOffset.UtcNow);

        var connector = $"{{connector_id=\"1\",cp_id=\"{obeying}\",group=\"{group}\"}}";
        var page = string.Empty;
        for (var i = 0; i < 100; i++)
        {
            page = await server.ScrapeAsync();
            if (page.Contains("levity_load_connector_allocated_amperes" + connector + " 8", StringComparison.Ordinal)
                && page.Contains($"levity_load_unmanaged_connectors{{site=\"{group}\"}} 1", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }

        // 40 A less the rejecting charger's reserved 32 A leaves 8 A for the obeying one.
        Assert.Equal(8, Exposition.Sample(page, "levity_load_connector_allocated_amperes" + connector));
        Assert.Equal(40, Exposition.Sample(page, $"levity_load_group_limit_amperes{{group=\"{group}\",phase=\"L2\"}}"));
        Assert.Equal(40, Exposition.Sample(page, $"levity_load_group_allocated_amperes{{group=\"{group}\",phase=\"L3\"}}"));
        Assert.Equal(1, Exposition.Sample(page, $"levity_load_unmanaged_connectors{{site=\"{group}\"}}"));
        Assert.Equal(0, Exposition.Sample(page, $"levity_load_paused_connectors{{site=\"{group}\"}}"));
        Assert.Equal(1, Exposition.Sample(page, $"levity_load_profile_rejections_total{{action=\"SetChargingProfile\",cp_id=\"{rejecting}\"}}"));
        Assert.Equal(8, a.TxLimit());
    }
}
