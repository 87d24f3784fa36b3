using System.Text.Json;
using Levity.Ocpp.Messages;
using Levity.Silo.Audit;
using Levity.Silo.Audit.Fluentd;
using Levity.Silo.Gateway;
using Levity.Tests.Audit.Support;
using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Levity.Tests.Audit;

/// <summary>The audit through the real server: real chargers over WebSockets, grains, SQLite, and an in-test Fluentd.</summary>
public sealed class FluentdAuditServerTests(ITestOutputHelper output)
{
    private const int Unavailable = 601;

    [Fact]
    public async Task ScriptedSession_EveryFrameAndConnection_ArrivesWithTagsAndFields()
    {
        var started = DateTimeOffset.UtcNow;
        await using var fluentd = ForwardReceiver.Start();
        await using var server = await AuditServer.StartAsync(fluentd.Endpoint, requireAck: true);
        int transactionId;
        await using (var cp = await server.ConnectAsync("GRZ-1"))
        {
            await cp.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E Smart" });
            await cp.CallOkAsync("Heartbeat", new { });
            await cp.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Preparing" });
            await cp.CallOkAsync("Authorize", new { idTag = "USER-123" });
            transactionId = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "USER-123", meterStart = 1000, timestamp = "2026-11-01T12:00:00Z" }))["transactionId"]!.GetValue<int>();
            await cp.CallOkAsync("MeterValues", new { connectorId = 1, transactionId, meterValue = new[] { new { timestamp = "2026-11-01T12:30:00Z", sampledValue = new[] { new { value = "2500", measurand = "Energy.Active.Import.Register", unit = "Wh" } } } } });
            await ServerCallAnsweredAsync(server, cp, "GRZ-1");
            await cp.CallOkAsync("StopTransaction", new { transactionId, meterStop = 4500, timestamp = "2026-11-01T13:00:00Z", reason = "EVDisconnected" });
            await cp.SendRawAsync("not json at all");
            await cp.CallOkAsync("Heartbeat", new { });
        }

        var events = await fluentd.WaitForAsync(e => e.Any(r => Equals(r["event"], "disconnect")));
        var ended = DateTimeOffset.UtcNow;
        foreach (var e in events)
        {
            output.WriteLine(e.ToString());
        }

        Assert.Equal(
            [
                ("ocpp.websocket", null, null, null),
                ("ocpp.boot", "recv", "CALL", "BootNotification"), ("ocpp.boot", "send", "CALLRESULT", "BootNotification"),
                ("ocpp.heartbeat", "recv", "CALL", "Heartbeat"), ("ocpp.heartbeat", "send", "CALLRESULT", "Heartbeat"),
                ("ocpp.status", "recv", "CALL", "StatusNotification"), ("ocpp.status", "send", "CALLRESULT", "StatusNotification"),
                ("ocpp.authorize", "recv", "CALL", "Authorize"), ("ocpp.authorize", "send", "CALLRESULT", "Authorize"),
                ("ocpp.transaction.start", "recv", "CALL", "StartTransaction"), ("ocpp.transaction.start", "send", "CALLRESULT", "StartTransaction"),
                ("ocpp.meter", "recv", "CALL", "MeterValues"), ("ocpp.meter", "send", "CALLRESULT", "MeterValues"),
                ("ocpp.remote_start_transaction", "send", "CALL", "RemoteStartTransaction"), ("ocpp.remote_start_transaction", "recv", "CALLRESULT", "RemoteStartTransaction"),
                ("ocpp.transaction.stop", "recv", "CALL", "StopTransaction"), ("ocpp.transaction.stop", "send", "CALLRESULT", "StopTransaction"),
                ("ocpp.unknown", "recv", "INVALID", null),
                ("ocpp.heartbeat", "recv", "CALL", "Heartbeat"), ("ocpp.heartbeat", "send", "CALLRESULT", "Heartbeat"),
                ("ocpp.websocket", null, null, null),
            ],
            events.Select(e => (e.Tag, e["dir"] as string, e["message_type"] as string, e["action"] as string)));

        Assert.All(events, e => Assert.Equal("GRZ-1", e["cp"]));
        Assert.Equal(("ws", "connect"), (events[0]["type"], events[0]["event"]));
        Assert.Matches(@"^127\.0\.0\.1:\d+$", (string)events[0]["remote_addr"]!);
        Assert.Equal(("ws", "disconnect", events[0]["remote_addr"]), (events[^1]["type"], events[^1]["event"], events[^1]["remote_addr"]));
        Assert.All(events.Where(e => e.Tag != "ocpp.websocket"), e => Assert.Equal("ocpp", e["type"]));

        // An answer carries its call's id; the payload is the frame's own JSON.
        Assert.Equal(events[1]["message_id"], events[2]["message_id"]);
        Assert.Equal("United Chargers", events[1].Msg["chargePointVendor"]);
        Assert.Equal("Accepted", events[2].Msg["status"]);
        Assert.Equal(1000L, events[9].Msg["meterStart"]);
        Assert.Equal((long)transactionId, events[10].Msg["transactionId"]);
        Assert.Equal("anonymous", events[13].Msg["idTag"]);
        Assert.Equal("Accepted", events[14].Msg["status"]);

        var stop = events[15];
        Assert.Equal(3500L, stop["energy_wh"]);
        Assert.Equal(4500L, stop.Msg["meterStop"]);
        Assert.Equal("not json at all", events[17]["raw"]);

        // EventTime: taken when the frame passed, with sub-second precision, in order.
        Assert.All(events, e => Assert.InRange(e.Time, started.AddSeconds(-1), ended.AddSeconds(1)));
        Assert.Equal(events.Select(e => e.Time).Order(), events.Select(e => e.Time));
        Assert.Contains(events, e => e.Nanoseconds != 0);
        var metrics = server.Metrics();
        await server.StopAsync();
        Assert.Equal(events.Count, metrics.Sent);
    }

    [Fact]
    public async Task StopAfterRestart_StartNotSeen_EnergyFromTheStore()
    {
        var directory = Directory.CreateTempSubdirectory("levity-audit-").FullName;
        var database = Path.Combine(directory, "levity.db");
        try
        {
            int transactionId;
            await using (var before = await LevityTestServer.StartAsync(database))
            {
                await using var cp = await before.ConnectAsync("GRZ-2");
                transactionId = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "T", meterStart = 20_000, timestamp = "2026-11-01T12:00:00Z" }))["transactionId"]!.GetValue<int>();
            }

            await using var fluentd = ForwardReceiver.Start();
            await using (var after = await AuditServer.StartAsync(fluentd.Endpoint, databasePath: database))
            {
                await using var cp = await after.ConnectAsync("GRZ-2");
                await cp.CallOkAsync("StopTransaction", new { transactionId, meterStop = 26_500, timestamp = "2026-11-01T14:00:00Z" });
                await cp.CallOkAsync("StopTransaction", new { transactionId = transactionId + 1000, meterStop = 26_500, timestamp = "2026-11-01T14:00:00Z" });
            }

            var stops = (await fluentd.WaitForAsync(e => e.Count(r => r.Tag == "ocpp.transaction.stop") >= 4))
                .Where(e => e.Tag == "ocpp.transaction.stop" && Equals(e["dir"], "recv"))
                .ToList();
            Assert.Equal(6500L, stops[0]["energy_wh"]);
            Assert.False(stops[1].Record.ContainsKey("energy_wh"), "a transaction the store does not know has no energy");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task FluentdDownAtStart_OcppAnswered_RecordsFlowOnceItIsUp()
    {
        var port = ForwardReceiver.FreePort();
        var log = new SignalingLoggerProvider<FluentdSender>();
        // Fluentd goes away again before the server stops: no need to wait the full flush time.
        await using var server = await AuditServer.StartAsync($"127.0.0.1:{port}", tune: f => f.FlushTimeout = TimeSpan.FromMilliseconds(300), log: log);
        await using var cp = await server.ConnectAsync("GRZ-3");
        await cp.CallOkAsync("BootNotification", new { chargePointVendor = "V", chargePointModel = "M" });
        await log.Logger.WaitForAsync(Unavailable);
        Assert.Equal(0, server.Metrics().Sent);

        await using var fluentd = ForwardReceiver.Start(port);
        await cp.CallOkAsync("Heartbeat", new { });

        var events = await fluentd.WaitForAsync(e => e.Count(r => r.Tag == "ocpp.heartbeat") >= 2);
        Assert.Equal(["ocpp.websocket", "ocpp.boot", "ocpp.boot", "ocpp.heartbeat", "ocpp.heartbeat"], events.Select(e => e.Tag));
        Assert.True(server.Metrics().ConnectionFailures >= 1);
        Assert.Equal(0, server.Metrics().Dropped);
    }

    [Fact]
    public async Task FluentdNeverReads_EveryCallStillAnswered_OldestRecordsDroppedAndCounted()
    {
        await using var fluentd = ForwardReceiver.Start(neverRead: true);
        await using var server = await AuditServer.StartAsync(fluentd.Endpoint, tune: f =>
        {
            f.BufferBytes = 32 * 1024;
            f.MaxBatchRecords = 8;
            f.SocketSendBufferBytes = 8 * 1024;
            f.FlushTimeout = TimeSpan.FromMilliseconds(300);
        });
        await using var cp = await server.ConnectAsync("GRZ-4");
        var transactionId = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "T", meterStart = 0, timestamp = "2026-11-01T12:00:00Z" }))["transactionId"]!.GetValue<int>();
        var samples = Enumerable.Range(0, 60).Select(i => new { value = (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture), measurand = "Energy.Active.Import.Register", unit = "Wh", context = "Sample.Periodic" }).ToArray();

        // Each call is ~5 KB of audit; Fluentd takes a few KiB and then nothing. Bounded either way.
        var answered = 0;
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 400 && server.Metrics().Dropped == 0; i++)
        {
            var sent = System.Diagnostics.Stopwatch.StartNew();
            await cp.CallOkAsync("MeterValues", new { connectorId = 1, transactionId, meterValue = new[] { new { timestamp = "2026-11-01T12:30:00Z", sampledValue = samples } } });
            slowest = sent.Elapsed > slowest ? sent.Elapsed : slowest;
            answered++;
        }

        // Informational only: speed is measured by the benchmarks, not asserted here.
        output.WriteLine($"{answered} MeterValues answered; slowest {slowest.TotalMilliseconds:0.0} ms; dropped {server.Metrics().Dropped}, sent {server.Metrics().Sent}");
        Assert.True(server.Metrics().Dropped > 0, $"no record dropped after {answered} calls");
        await cp.CallOkAsync("Heartbeat", new { });
    }

    [Fact]
    public async Task Shutdown_SessionsClosedByTheServer_DisconnectRecordsDeliveredBeforeStopReturns()
    {
        await using var fluentd = ForwardReceiver.Start();
        var server = await AuditServer.StartAsync(fluentd.Endpoint, requireAck: true);
        await using var first = await server.ConnectAsync("GRZ-5");
        await using var second = await server.ConnectAsync("GRZ-6");
        await first.CallOkAsync("Heartbeat", new { });
        await second.CallOkAsync("Heartbeat", new { });
        var metrics = server.Metrics();

        await server.DisposeAsync();

        // With acks, "sent" means Fluentd had the record when the server finished stopping.
        var disconnects = fluentd.Events.Where(e => Equals(e["event"], "disconnect")).Select(e => (string)e["cp"]!).Order(StringComparer.Ordinal);
        Assert.Equal(["GRZ-5", "GRZ-6"], disconnects);
        Assert.Equal(fluentd.Events.Count, metrics.Sent);
        Assert.Equal(8, metrics.Sent);
        Assert.Equal(0, metrics.Dropped);
        Assert.Equal(1, fluentd.Connections);
    }

    [Fact]
    public async Task NoEndpoint_NullSinkAndNoSender()
    {
        await using var server = await LevityTestServer.StartAsync();
        Assert.Same(NullAuditSink.Instance, server.Services.GetRequiredService<IAuditSink>());
        Assert.DoesNotContain(server.Services.GetServices<IHostedService>(), s => s is FluentdSender);
    }

    [Fact]
    public async Task Endpoint_SenderRegisteredBeforeStoreAndGateway_SoItStopsLast()
    {
        await using var fluentd = ForwardReceiver.Start();
        await using var server = await AuditServer.StartAsync(fluentd.Endpoint);
        var hosted = server.Services.GetServices<IHostedService>().ToList();
        var sender = hosted.FindIndex(s => s is FluentdSender);
        Assert.True(sender >= 0);
        Assert.True(sender < hosted.FindIndex(s => s is Levity.Storage.LevityStore), "the store must stop before the audit");
        Assert.True(sender < hosted.FindIndex(s => s is GatewayShutdown), "the gateway must stop before the audit");
        Assert.IsType<FluentdAuditSink>(server.Services.GetRequiredService<IAuditSink>());
    }

    /// <summary>The server calls the charger (RemoteStartTransaction) and the charger answers.</summary>
    private static async Task ServerCallAnsweredAsync(LevityTestServer server, TestCharger cp, string chargePointId)
    {
        var registry = server.Services.GetRequiredService<ChargerSessionRegistry>();
        Assert.True(registry.TryGet(chargePointId, out var session));
        var call = session.Protocol!.Calls.CallAsync(new RemoteStartTransactionRequest("anonymous", 1));
        var request = await cp.NextServerCallAsync();
        await cp.SendRawAsync(JsonSerializer.Serialize(new object[] { 3, request[1]!.GetValue<string>(), new { status = "Accepted" } }));
        Assert.Equal(RemoteStartStopStatus.Accepted, (await call).Status);
    }
}
