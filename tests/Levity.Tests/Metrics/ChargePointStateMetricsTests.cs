using Levity.Tests.Metrics.Support;

namespace Levity.Tests.Metrics;

/// <summary>The transaction, energy, current and error metrics the Grafana dashboard and alerts read.</summary>
[Collection(MetricsCollection.Name)]
public sealed class ChargePointStateMetricsTests
{
    private static object Meter(int tx, int wh, double amps, double offered) => new
    {
        connectorId = 1,
        transactionId = tx,
        meterValue = new[]
        {
            new
            {
                timestamp = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                sampledValue = new object[]
                {
                    new { value = wh.ToString(System.Globalization.CultureInfo.InvariantCulture), measurand = "Energy.Active.Import.Register", unit = "Wh" },
                    new { value = amps.ToString(System.Globalization.CultureInfo.InvariantCulture), measurand = "Current.Import", unit = "A" },
                    new { value = offered.ToString(System.Globalization.CultureInfo.InvariantCulture), measurand = "Current.Offered", unit = "A" },
                },
            },
        },
    };

    [Fact]
    public async Task ScriptedSession_TransactionEnergyCurrentErrorsAndOrphans_HaveTheRightValues()
    {
        var id = "ST-" + Guid.NewGuid().ToString("N")[..12];
        var cp = $"{{cp_id=\"{id}\"}}";
        var conn = $"{{connector_id=\"1\",cp_id=\"{id}\"}}";
        await using var server = await MetricsServer.StartAsync();
        await using var charger = await server.Server.ConnectAsync(id);

        await charger.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Charging" });
        var tx = (await charger.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H7", meterStart = 1000, timestamp = "2026-11-01T00:00:00Z" }))["transactionId"]!.GetValue<int>();
        await charger.CallOkAsync("MeterValues", Meter(tx, 1500, 15.5, 32));
        var during = await server.ScrapeAsync();

        Assert.Equal(2, Exposition.Sample(during, "ocpp_cp_status" + cp));
        Assert.Equal(1, Exposition.Sample(during, "ocpp_tx_active" + conn));
        Assert.Equal(500, Exposition.Sample(during, "ocpp_tx_energy_wh" + conn));
        Assert.Equal(15.5, Exposition.Sample(during, "ocpp_cp_current_a" + conn));
        Assert.Equal(32, Exposition.Sample(during, "ocpp_cp_current_limit_a" + conn));
        Assert.Equal(1, Exposition.Sample(during, "ocpp_tx_total" + cp));
        Assert.True(Exposition.Sample(during, "ocpp_cp_last_tx_ts" + cp) > 1_700_000_000);

        // A reading 12 kWh above the previous one is a jump.
        await charger.CallOkAsync("MeterValues", Meter(tx, 13_500, 16, 32));
        await charger.CallOkAsync("StopTransaction", new { transactionId = tx, meterStop = 13_600, timestamp = "2026-11-01T02:00:00Z" });
        // An orphan closed on boot counts in the energy total too.
        var orphan = (await charger.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H7", meterStart = 20_000, timestamp = "2026-11-01T03:00:00Z" }))["transactionId"]!.GetValue<int>();
        await charger.CallOkAsync("MeterValues", Meter(orphan, 20_400, 16, 32));
        await charger.CallOkAsync("BootNotification", new { chargePointVendor = "V", chargePointModel = "M" });
        await charger.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "GroundFailure", status = "Faulted" });
        var after = await server.ScrapeAsync();

        Assert.Equal(0, Exposition.Sample(after, "ocpp_tx_active" + conn));
        Assert.Equal(0, Exposition.Sample(after, "ocpp_cp_current_a" + conn));
        Assert.Equal(12_600 + 400, Exposition.Sample(after, "ocpp_cp_energy_total_wh" + cp));
        Assert.Equal(1, Exposition.Sample(after, "ocpp_energy_jump_total" + cp));
        Assert.Equal(2, Exposition.Sample(after, "ocpp_tx_total" + cp));
        Assert.Equal(8, Exposition.Sample(after, "ocpp_cp_status" + cp));
        Assert.Equal(1, Exposition.Sample(after, $"ocpp_cp_errors_total{{cp_id=\"{id}\",error_type=\"GroundFailure\"}}"));
        Assert.Equal("gauge", Exposition.Type(after, "ocpp_cp_energy_total_wh"));
    }

    [Fact]
    public async Task ReconnectDuringTransaction_CountedAndGaugesRestored()
    {
        var id = "RC-" + Guid.NewGuid().ToString("N")[..12];
        await using var server = await MetricsServer.StartAsync();
        await using (var first = await server.Server.ConnectAsync(id))
        {
            await first.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H7", meterStart = 0, timestamp = "2026-11-01T00:00:00Z" });
        }

        await using var second = await server.Server.ConnectAsync(id);
        await second.CallOkAsync("Heartbeat", new { });
        var page = await server.ScrapeAsync();

        Assert.Equal(1, Exposition.Sample(page, $"ocpp_cp_reconnect_during_tx_total{{cp_id=\"{id}\"}}"));
        Assert.Equal(1, Exposition.Sample(page, $"ocpp_tx_active{{connector_id=\"1\",cp_id=\"{id}\"}}"));
    }

    [Fact]
    public async Task ReplacingConnection_KeepsConnectedAtOne_WhenTheOldSessionCloses()
    {
        var id = "RP-" + Guid.NewGuid().ToString("N")[..12];
        await using var server = await MetricsServer.StartAsync();
        var first = await server.Server.ConnectAsync(id);
        await first.CallOkAsync("Heartbeat", new { });

        await using var second = await server.Server.ConnectAsync(id);
        await second.CallOkAsync("Heartbeat", new { });
        await first.WaitClosedAsync();
        await first.DisposeAsync();
        await second.CallOkAsync("Heartbeat", new { });
        var page = await server.ScrapeAsync();

        Assert.Equal(1, Exposition.Sample(page, $"ocpp_cp_connected{{cp_id=\"{id}\"}}"));
    }

    [Fact]
    public async Task AfterRestart_OpenTransactionGauges_RestoredWhenChargerReconnects()
    {
        var id = "RS-" + Guid.NewGuid().ToString("N")[..12];
        var port = Levity.Tests.Support.Ports.Free();
        await using var server = await Levity.Tests.Support.LevityTestServer.StartAsync(configure: o => o.MetricsPort = port);
        await using (var before = await server.ConnectAsync(id))
        {
            await before.CallOkAsync("StartTransaction", new { connectorId = 2, idTag = "H7", meterStart = 100, timestamp = "2026-11-01T00:00:00Z" });
        }

        await server.StopAsync();
        await server.StartAsync(o => o.MetricsPort = port);
        await using var after = await server.ConnectAsync(id);
        await after.CallOkAsync("Heartbeat", new { });
        using var http = new HttpClient();
        var page = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        Assert.Equal(1, Exposition.Sample(page, $"ocpp_tx_active{{connector_id=\"2\",cp_id=\"{id}\"}}"));
        Assert.Equal(1, Exposition.Sample(page, $"ocpp_cp_reconnect_during_tx_total{{cp_id=\"{id}\"}}"));
    }
    [Fact]
    public async Task TwoOpenOnOneConnector_StoppingOne_LeavesTheConnectorActive()
    {
        var id = "TW-" + Guid.NewGuid().ToString("N")[..12];
        var series = $"ocpp_tx_active{{connector_id=\"1\",cp_id=\"{id}\"}}";
        var port = Levity.Tests.Support.Ports.Free();
        await using var server = await Levity.Tests.Support.LevityTestServer.StartAsync(configure: o => o.MetricsPort = port);
        int first;
        await using (var before = await server.ConnectAsync(id))
        {
            first = (await before.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H7", meterStart = 100, timestamp = "2026-11-01T00:00:00Z" }))["transactionId"]!.GetValue<int>();
        }

        // A second transaction open on the same connector, as a database carried over from the
        // Python version can hold (Levity itself closes the older one as an orphan).
        await server.StopAsync();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO tx (cp_id, cp_conn_id, id_tag, start_time, meter_start, status)
                SELECT cp_id, cp_conn_id, id_tag, '2026-11-01T00:05:00Z', 200, status FROM tx WHERE id = {first};
                UPDATE tx SET tx_id = id WHERE tx_id IS NULL;
                """;
            command.ExecuteNonQuery();
        }

        await server.StartAsync(o => o.MetricsPort = port);
        await using var after = await server.ConnectAsync(id);
        using var http = new HttpClient();
        var metrics = new Uri($"http://127.0.0.1:{port}/metrics");
        await after.CallOkAsync("StopTransaction", new { transactionId = first, meterStop = 150, timestamp = "2026-11-01T01:00:00Z" });
        var oneLeft = await http.GetStringAsync(metrics);
        await after.CallOkAsync("StopTransaction", new { transactionId = first + 1, meterStop = 250, timestamp = "2026-11-01T01:00:00Z" });
        var noneLeft = await http.GetStringAsync(metrics);

        Assert.Equal(1, Exposition.Sample(oneLeft, series));
        Assert.Equal(0, Exposition.Sample(noneLeft, series));
    }
}
