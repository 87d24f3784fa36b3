using System.Diagnostics;
using System.Globalization;

namespace Levity.Load;

/// <summary>One simulated charger running its scenario until told to stop.</summary>
internal sealed class SimulatedCharger(string id, LoadOptions options, LoadStats stats)
{
    private readonly List<long> _latencies = stats.NewRecorder();
    private long _energyWh = Random.Shared.Next(0, 1_000_000);
    private long _nextSend;

    public async Task RunAsync(CancellationToken stop)
    {
        OcppClient client;
        try
        {
            client = await OcppClient.ConnectAsync(new Uri(options.BaseUri, Uri.EscapeDataString(id)), options.CallTimeout, stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stats.Error($"connect: {e.Message}");
            return;
        }

        stats.Connected();
        using (client)
        {
            try
            {
                await CallAsync(client, "BootNotification", """{"chargePointVendor":"Levity","chargePointModel":"LoadSim","firmwareVersion":"1.0"}""", stop);
                await CallAsync(client, "StatusNotification", Status(1, "Available"), stop);
                switch (options.Scenario)
                {
                    case Scenario.Idle:
                        await IdleAsync(client, stop);
                        break;
                    case Scenario.MeterValues:
                        var tx = await StartAsync(client, stop);
                        while (!stop.IsCancellationRequested)
                        {
                            await CallAsync(client, "MeterValues", MeterValues(tx), stop);
                        }

                        break;
                    default:
                        await SessionsAsync(client, stop);
                        break;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (CallFailedException e)
            {
                stats.Error(e.Message);
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException)
            {
                // A per-call timeout or a dropped connection: an error of this charger, not the run.
                stats.Error($"{e.GetType().Name}: {e.Message}");
            }

            await client.CloseAsync();
        }
    }

    private async Task SessionsAsync(OcppClient client, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await CallAsync(client, "StatusNotification", Status(1, "Preparing"), stop);
            var tx = await StartAsync(client, stop);
            await CallAsync(client, "StatusNotification", Status(1, "Charging"), stop);
            for (var i = 0; i < 10 && !stop.IsCancellationRequested; i++)
            {
                await CallAsync(client, "MeterValues", MeterValues(tx), stop);
            }

            await CallAsync(client, "Heartbeat", "{}", stop);
            await CallAsync(client, "StopTransaction", $$"""{"transactionId":{{tx}},"meterStop":{{_energyWh}},"timestamp":"{{Now()}}","reason":"Local"}""", stop);
            await CallAsync(client, "StatusNotification", Status(1, "Available"), stop);
        }
    }

    private async Task IdleAsync(OcppClient client, CancellationToken stop)
    {
        // Spread heartbeats so the server sees a steady trickle, as with real chargers.
        await client.IdleAsync(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * options.HeartbeatInterval.TotalMilliseconds), stop);
        while (!stop.IsCancellationRequested)
        {
            await CallAsync(client, "Heartbeat", "{}", stop);
            await client.IdleAsync(options.HeartbeatInterval, stop);
        }
    }

    private async Task<long> StartAsync(OcppClient client, CancellationToken stop)
    {
        var answer = await CallAsync(client, "StartTransaction", $$"""{"connectorId":1,"idTag":"{{id[..Math.Min(id.Length, 20)]}}","meterStart":{{_energyWh}},"timestamp":"{{Now()}}"}""", stop);
        return answer.GetProperty("transactionId").GetInt64();
    }

    private async Task<System.Text.Json.JsonElement> CallAsync(OcppClient client, string action, string payload, CancellationToken stop)
    {
        var scheduled = await PaceAsync(stop);
        var answer = await client.CallAsync(action, payload, stop);
        stats.Answered(_latencies, scheduled);
        return answer;
    }

    /// <summary>With --rate, waits for this charger's next slot; returns the slot time for the latency.</summary>
    private async Task<long> PaceAsync(CancellationToken stop)
    {
        var now = Stopwatch.GetTimestamp();
        if (options.Rate <= 0 || options.Scenario == Scenario.Idle)
        {
            return now;
        }

        var interval = (long)(Stopwatch.Frequency * options.Chargers / options.Rate);
        _nextSend = _nextSend == 0 ? now + Random.Shared.NextInt64(interval) : _nextSend + interval;
        if (_nextSend > now)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)(_nextSend - now) / Stopwatch.Frequency), stop);
        }

        return _nextSend;
    }

    private string MeterValues(long tx)
    {
        _energyWh += 25;
        return $$"""{"connectorId":1,"transactionId":{{tx}},"meterValue":[{"timestamp":"{{Now()}}","sampledValue":[{"value":"{{_energyWh}}","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"16.0","measurand":"Current.Import","unit":"A","phase":"L1"},{"value":"230.1","measurand":"Voltage","unit":"V","phase":"L1-N"},{"value":"3680","measurand":"Power.Active.Import","unit":"W"}]}]}""";
    }

    private static string Status(int connector, string status) =>
        $$"""{"connectorId":{{connector}},"errorCode":"NoError","status":"{{status}}","timestamp":"{{Now()}}"}""";

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
