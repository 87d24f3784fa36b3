using System.Text.Json.Nodes;
using Levity.Tests.Support;

namespace Levity.Tests.CentralSystem;

/// <summary>Every charger-initiated message through a real Kestrel, real WebSocket and real SQLite file.</summary>
public sealed class ChargePointMessagesTests : IAsyncLifetime
{
    private LevityTestServer _server = null!;

    public async Task InitializeAsync() => _server = await LevityTestServer.StartAsync(configure: o => o.HeartbeatInterval = 300);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Now(int secondsOffset = 0) => DateTimeOffset.UtcNow.AddSeconds(secondsOffset).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task BootNotification_Accepted_WithConfiguredIntervalAndUtcTime_Stored()
    {
        await using var cp = await _server.ConnectAsync("CP001");

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var conf = await cp.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E Smart", firmwareVersion = "05.42", chargePointSerialNumber = "GRZ-1" });

        Assert.Equal("Accepted", conf["status"]!.GetValue<string>());
        Assert.Equal(300, conf["interval"]!.GetValue<int>());
        var currentTime = conf["currentTime"]!.GetValue<string>();
        Assert.EndsWith("Z", currentTime, StringComparison.Ordinal);
        Assert.InRange(DateTimeOffset.Parse(currentTime, System.Globalization.CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow.AddSeconds(1));
        var row = Db.Query(_server.DatabasePath, "SELECT vendor, model, firmware_version, serial_number, is_connected, last_boot_at FROM cp WHERE id = 'CP001'").Single();
        Assert.Equal(["United Chargers", "Grizzl-E Smart", "05.42", "GRZ-1", 1L], row[..5]);
        Assert.NotNull(row[5]);
    }

    [Fact]
    public async Task MessagesBeforeBoot_AreAccepted_AndCreateTheChargerRow()
    {
        await using var cp = await _server.ConnectAsync("NOBOOT");

        var heartbeat = await cp.CallOkAsync("Heartbeat", new { });
        await cp.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Available" });

        Assert.NotNull(heartbeat["currentTime"]);
        Assert.Equal(1, Db.Long(_server.DatabasePath, "SELECT COUNT(*) FROM cp WHERE id = 'NOBOOT'"));
        Assert.NotNull(Db.Scalar(_server.DatabasePath, "SELECT last_heartbeat_at FROM cp WHERE id = 'NOBOOT'"));
    }

    [Fact]
    public async Task StatusNotification_ConnectorZeroIsTheCharger_OthersAreConnectors_ErrorsRecorded()
    {
        await using var cp = await _server.ConnectAsync("CP002");

        await cp.CallOkAsync("StatusNotification", new { connectorId = 0, errorCode = "NoError", status = "Available", timestamp = Now() });
        await cp.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Preparing", timestamp = Now() });
        await cp.CallOkAsync("StatusNotification", new { connectorId = 2, errorCode = "GroundFailure", status = "Faulted", vendorErrorCode = "E12", info = "GFCI trip" });

        Assert.Equal("Available", Db.Scalar(_server.DatabasePath, "SELECT status FROM cp WHERE id = 'CP002'"));
        var connectors = Db.Query(_server.DatabasePath, "SELECT conn_id, status, error_code FROM cp_conn WHERE cp_id = 'CP002' ORDER BY conn_id");
        Assert.Equal(2, connectors.Count);
        Assert.Equal([1L, "Preparing", "NoError"], connectors[0]);
        Assert.Equal([2L, "Faulted", "GroundFailure"], connectors[1]);
        Assert.Equal("GroundFailure", Db.Scalar(_server.DatabasePath, "SELECT error_code FROM cp_err WHERE cp_id = 'CP002'"));
    }

    [Fact]
    public async Task Authorize_AcceptsAnyTag()
    {
        await using var cp = await _server.ConnectAsync("CP003");

        var conf = await cp.CallOkAsync("Authorize", new { idTag = "HOUSE7" });

        Assert.Equal("Accepted", conf["idTagInfo"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transaction_StartMeterValuesStop_StoredWithEnergy()
    {
        await using var cp = await _server.ConnectAsync("CP004");
        var start = await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "HOUSE7", meterStart = 1000, timestamp = Now(-60) });
        var tx = start["transactionId"]!.GetValue<int>();
        Assert.Equal("Accepted", start["idTagInfo"]!["status"]!.GetValue<string>());

        await cp.CallOkAsync("MeterValues", new
        {
            connectorId = 1,
            transactionId = tx,
            meterValue = new[] { new { timestamp = Now(-30), sampledValue = new object[] { new { value = "1500", measurand = "Energy.Active.Import.Register", unit = "Wh" }, new { value = "15.9", measurand = "Current.Import", unit = "A", phase = "L1" } } } },
        });
        await cp.CallOkAsync("StopTransaction", new
        {
            transactionId = tx,
            meterStop = 2500,
            timestamp = Now(),
            reason = "EVDisconnected",
            idTag = "HOUSE7",
            transactionData = new[] { new { timestamp = Now(), sampledValue = new[] { new { value = "2.5", measurand = "Energy.Active.Import.Register", unit = "kWh", context = "Transaction.End" } } } },
        });

        var row = Db.Query(_server.DatabasePath, $"SELECT cp_id, id_tag, meter_start, meter_stop, energy_delivered, stop_reason, status, tx_id FROM tx WHERE id = {tx}").Single();
        Assert.Equal(["CP004", "HOUSE7", 1000L, 2500L, 1500L, "EVDisconnected", "Completed", (long)tx], row);
        var values = Db.Query(_server.DatabasePath, $"SELECT measurand, value, unit, phase, context FROM meter_val WHERE tx_id = {tx} ORDER BY id");
        Assert.Equal(3, values.Count);
        Assert.Equal(["Current.Import", 15.9, "A", "L1", "Sample.Periodic"], values[1]);
        Assert.Equal(["Energy.Active.Import.Register", 2.5, "kWh"], values[2][..3]);
    }

    [Fact]
    public async Task StartTransaction_Retransmitted_ReturnsSameId_StopRepeated_NotDoubleCounted()
    {
        await using var cp = await _server.ConnectAsync("CP005");
        var request = new { connectorId = 1, idTag = "T1", meterStart = 500, timestamp = Now(-10) };

        var first = (await cp.CallOkAsync("StartTransaction", request))["transactionId"]!.GetValue<int>();
        var again = (await cp.CallOkAsync("StartTransaction", request))["transactionId"]!.GetValue<int>();
        var stop = new { transactionId = first, meterStop = 900, timestamp = Now() };
        await cp.CallOkAsync("StopTransaction", stop);
        await cp.CallOkAsync("StopTransaction", stop);

        Assert.Equal(first, again);
        Assert.Equal(1, Db.Long(_server.DatabasePath, "SELECT COUNT(*) FROM tx WHERE cp_id = 'CP005'"));
        Assert.Equal(400, Db.Long(_server.DatabasePath, "SELECT SUM(energy_delivered) FROM tx WHERE cp_id = 'CP005'"));
    }

    [Fact]
    public async Task UnknownTransaction_StopAndMeterValues_AnsweredStoredAndFlagged()
    {
        await using var cp = await _server.ConnectAsync("CP006");

        await cp.CallOkAsync("MeterValues", new { connectorId = 1, transactionId = 987654, meterValue = new[] { new { timestamp = Now(), sampledValue = new[] { new { value = "42" } } } } });
        var stop = await cp.CallOkAsync("StopTransaction", new { transactionId = 987654, meterStop = 100, timestamp = Now(), idTag = "X" });

        Assert.NotNull(stop["idTagInfo"]);
        Assert.Equal(1, Db.Long(_server.DatabasePath, "SELECT COUNT(*) FROM meter_val WHERE cp_id = 'CP006' AND value = 42"));
        Assert.True(Db.Long(_server.DatabasePath, "SELECT COUNT(*) FROM anomaly WHERE cp_id = 'CP006'") >= 2);
    }

    [Fact]
    public async Task MeterValues_ConnectorZeroWithoutTransaction_Stored()
    {
        await using var cp = await _server.ConnectAsync("CP007");

        await cp.CallOkAsync("MeterValues", new { connectorId = 0, meterValue = new[] { new { timestamp = Now(), sampledValue = new[] { new { value = "123456", measurand = "Energy.Active.Import.Register" } } } } });

        Assert.Equal([null, 0L, 123456.0], Db.Query(_server.DatabasePath, "SELECT tx_id, cp_conn_id, value FROM meter_val WHERE cp_id = 'CP007'").Single());
    }

    [Fact]
    public async Task DataTransfer_NoPlugin_AnswersUnknownVendorId()
    {
        await using var cp = await _server.ConnectAsync("CP008");

        var conf = await cp.CallOkAsync("DataTransfer", new { vendorId = "com.grizzl-e", messageId = "x", data = "y" });

        Assert.Equal("UnknownVendorId", conf["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("DiagnosticsStatusNotification", """{"status":"Uploaded"}""")]
    [InlineData("FirmwareStatusNotification", """{"status":"Installed"}""")]
    [InlineData("SecurityEventNotification", """{"type":"SettingSystemTime","timestamp":"2026-11-01T00:00:00Z"}""")]
    [InlineData("LogStatusNotification", """{"status":"Uploaded","requestId":4}""")]
    [InlineData("SignedFirmwareStatusNotification", """{"status":"SignatureVerified","requestId":5}""")]
    [InlineData("SignCertificate", """{"csr":"-----BEGIN CERTIFICATE REQUEST-----"}""")]
    public async Task Notifications_AreAnsweredWithConf(string action, string payload)
    {
        await using var cp = await _server.ConnectAsync("CP009");

        var answer = await cp.CallAsync(action, JsonNode.Parse(payload)!);

        Assert.Equal(3, answer[0]!.GetValue<int>());
    }

    [Fact]
    public async Task FiftyChargers_Concurrently_GetUniqueTransactionIds()
    {
        var chargers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => _server.ConnectAsync($"MULTI{i:D2}")));
        try
        {
            var ids = await Task.WhenAll(chargers.Select(async (cp, i) =>
            {
                var mine = new List<int>();
                for (var n = 0; n < 4; n++)
                {
                    var start = await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = $"TAG{i}", meterStart = n * 100, timestamp = Now(n) });
                    var tx = start["transactionId"]!.GetValue<int>();
                    await cp.CallOkAsync("StopTransaction", new { transactionId = tx, meterStop = (n * 100) + 50, timestamp = Now(n) });
                    mine.Add(tx);
                }

                return mine;
            }));

            var all = ids.SelectMany(x => x).ToList();
            Assert.Equal(200, all.Count);
            Assert.Equal(200, all.Distinct().Count());
            Assert.Equal(200, Db.Long(_server.DatabasePath, "SELECT COUNT(*) FROM tx WHERE cp_id LIKE 'MULTI%' AND status = 'Completed' AND energy_delivered = 50"));
        }
        finally
        {
            foreach (var cp in chargers)
            {
                await cp.DisposeAsync();
            }
        }
    }
}
