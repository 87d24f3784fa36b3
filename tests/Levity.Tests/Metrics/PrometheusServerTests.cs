using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Levity.Tests.Metrics.Support;
using Levity.Tests.Support;

namespace Levity.Tests.Metrics;

/// <summary>
/// A real Prometheus (Debian package prometheus, the one that ships promtool) scrapes Levity and
/// evaluates every PromQL expression of the Grafana dashboard and alert rules shipped under
/// deploy/grafana (the Python Levity's, unchanged).
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class PrometheusServerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("levity-prom-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [PromtoolFact]
    public async Task DashboardAndAlertExpressions_EvaluateAgainstLevity_KeyValuesRight()
    {
        var id = "PQ-" + Guid.NewGuid().ToString("N")[..10];
        await using var server = await MetricsServer.StartAsync();
        await using var charger = await server.Server.ConnectAsync(id);
        await charger.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E" });
        await charger.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Charging" });
        var tx = (await charger.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H7", meterStart = 0, timestamp = "2026-11-01T00:00:00Z" }))["transactionId"]!.GetValue<int>();
        await charger.CallOkAsync("MeterValues", new { connectorId = 1, transactionId = tx, meterValue = new[] { new { timestamp = "2026-11-01T00:01:00Z", sampledValue = new[] { new { value = "12.5", measurand = "Current.Import", unit = "A" } } } } });
        await charger.CallOkAsync("Heartbeat", new { });

        var promPort = Ports.Free();
        var config = Path.Combine(_directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: levity\n    static_configs:\n      - targets: ['{server.MetricsBase.Host}:{server.MetricsBase.Port}']\n");
        using var prometheus = StartPrometheus(config, promPort);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{promPort}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForAsync(async () => await ScalarAsync(http, "sum(ocpp_cp_connected)") >= 1);

            var expressions = GrafanaExpressions();
            Assert.True(expressions.Count >= 20, $"only {expressions.Count} expressions found");
            foreach (var expression in expressions)
            {
                var answer = await QueryAsync(http, expression);
                Assert.True(answer["status"]!.GetValue<string>() == "success", $"{expression}: {answer.ToJsonString()}");
            }

            Assert.Equal(1, await ScalarAsync(http, "ocpp_central_up"));
            Assert.Equal(1, await ScalarAsync(http, $"sum(ocpp_cp_connected{{cp_id=\"{id}\"}})"));
            Assert.Equal(1, await ScalarAsync(http, $"sum(ocpp_tx_active{{cp_id=\"{id}\"}})"));
            Assert.Equal(12.5, await ScalarAsync(http, $"sum(ocpp_cp_current_a{{cp_id=\"{id}\"}})"));
            Assert.InRange(await ScalarAsync(http, $"time() - ocpp_cp_last_heartbeat_ts{{cp_id=\"{id}\"}}"), -5, 60);
            Assert.InRange(await ScalarAsync(http, $"time() - ocpp_cp_last_tx_ts{{cp_id=\"{id}\"}}"), -5, 60);
            Assert.True(await ScalarAsync(http, "process_resident_memory_bytes") > 1_000_000);
        }
        finally
        {
            prometheus.Kill();
            await prometheus.WaitForExitAsync();
        }
    }

    /// <summary>Every "expr" of the dashboard and the alert rules, unescaped.</summary>
    private static List<string> GrafanaExpressions()
    {
        var expressions = new HashSet<string>(StringComparer.Ordinal);
        // deploy/grafana/** is copied beside the tests by Levity.Tests.csproj.
        foreach (var file in new[] { "dashboards/ocpp-central-system.json", "alerts/ocpp-alerts.json" })
        {
            Collect(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "grafana", file)))!, expressions);
        }

        return [.. expressions];
    }

    private static void Collect(JsonNode node, HashSet<string> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "expr" && value is JsonValue v && v.TryGetValue<string>(out var expr) && !string.IsNullOrWhiteSpace(expr))
                    {
                        into.Add(expr);
                    }
                    else if (value is not null)
                    {
                        Collect(value, into);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Collect(item, into);
                    }
                }

                break;
        }
    }

    private static async Task<JsonNode> QueryAsync(HttpClient http, string expression)
    {
        using var response = await http.GetAsync(new Uri("/api/v1/query?query=" + Uri.EscapeDataString(expression), UriKind.Relative));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<double> ScalarAsync(HttpClient http, string expression)
    {
        var answer = await QueryAsync(http, expression);
        var result = answer["data"]?["result"];
        var value = result switch
        {
            JsonArray { Count: > 0 } vector => vector[0]!["value"]![1]!.GetValue<string>(),
            JsonArray => null,
            _ => result?[1]?.GetValue<string>(),
        };
        return value is null ? double.NaN : double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static Process StartPrometheus(string config, int port)
    {
        var promtool = Promtool.Executable;
        var beside = Path.Combine(Path.GetDirectoryName(promtool) ?? string.Empty, "prometheus");
        var info = new ProcessStartInfo(File.Exists(beside) ? beside : "prometheus")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(Path.GetDirectoryName(config)!, "data")}", $"--web.listen-address=127.0.0.1:{port}"])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(limit.Elapsed < TimeSpan.FromSeconds(60), "Prometheus did not scrape Levity within 60 s");
            await Task.Delay(250);
        }
    }
}
