using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Levity.Load;

// Levity load tool: N simulated chargers over real WebSockets against a running server.
//   dotnet run -c Release --project bench/Levity.Load -- --chargers 50 --duration 30 --scenario metervalues --server-pid $(pgrep -f levity.dll)
var url = new Option<string>("--url") { Description = "Base WebSocket URL; the charger id is appended", DefaultValueFactory = _ => "ws://127.0.0.1:9000/ws/" };
var chargers = new Option<int>("--chargers") { Description = "Simulated chargers", DefaultValueFactory = _ => 50 };
var duration = new Option<double>("--duration") { Description = "Seconds to run after the ramp-up", DefaultValueFactory = _ => 30 };
var rate = new Option<double>("--rate") { Description = "Total calls/s across all chargers (0 = flat out: next call as soon as the previous is answered)", DefaultValueFactory = _ => 0 };
var scenario = new Option<Scenario>("--scenario") { Description = "sessions | metervalues | idle", DefaultValueFactory = _ => Scenario.Sessions };
var pid = new Option<int?>("--server-pid") { Description = "Server process id, to report its RSS and CPU (Linux /proc)" };
var heartbeat = new Option<double>("--heartbeat-interval") { Description = "Seconds between heartbeats in the idle scenario", DefaultValueFactory = _ => 60 };
var rampUp = new Option<double>("--ramp-up") { Description = "Seconds over which connections are opened", DefaultValueFactory = _ => 5 };
var prefix = new Option<string>("--id-prefix") { Description = "Charger id prefix", DefaultValueFactory = _ => "LOAD" };
var timeout = new Option<double>("--call-timeout") { Description = "Seconds to wait for each answer", DefaultValueFactory = _ => 30 };

var root = new RootCommand("Levity load tool: simulated OCPP 1.6 chargers over WebSockets") { url, chargers, duration, rate, scenario, pid, heartbeat, rampUp, prefix, timeout };
root.SetAction(async (result, ct) =>
{
    var baseUri = new Uri(result.GetValue(url)!);
    if (!baseUri.AbsoluteUri.EndsWith('/'))
    {
        baseUri = new Uri(baseUri.AbsoluteUri + "/");
    }

    var options = new LoadOptions(baseUri, result.GetValue(chargers), TimeSpan.FromSeconds(result.GetValue(duration)), result.GetValue(rate),
        result.GetValue(scenario), result.GetValue(pid), TimeSpan.FromSeconds(result.GetValue(heartbeat)), TimeSpan.FromSeconds(result.GetValue(rampUp)),
        result.GetValue(prefix)!, TimeSpan.FromSeconds(result.GetValue(timeout)));
    return await RunAsync(options, ct);
});
return await root.Parse(args).InvokeAsync();

static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
{
    ThreadPool.SetMinThreads(Math.Min(options.Chargers, 512), 64);
    var stats = new LoadStats();
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    var tasks = new List<Task>(options.Chargers);
    var started = Stopwatch.StartNew();
    for (var i = 0; i < options.Chargers; i++)
    {
        var charger = new SimulatedCharger($"{options.IdPrefix}{i:D5}", options, stats);
        tasks.Add(Task.Run(() => charger.RunAsync(stop.Token), CancellationToken.None));
        if (options.ConnectRampUp > TimeSpan.Zero && options.Chargers > 1)
        {
            // Read the clock once: between two reads the wait could turn negative.
            var wait = options.ConnectRampUp * (i + 1) / options.Chargers - started.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }
        }
    }

    // Measure the steady state only: answered counts and CPU from here to the end.
    var answeredBefore = stats.AnsweredCount;
    var cpuBefore = options.ServerPid is { } p0 ? ProcessSampler.Sample(p0) : null;
    var window = Stopwatch.StartNew();
    long peakRss = 0;
    while (window.Elapsed < options.Duration && !cancellationToken.IsCancellationRequested)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        if (options.ServerPid is { } p && ProcessSampler.Sample(p) is { } s)
        {
            peakRss = Math.Max(peakRss, s.RssBytes);
        }
    }

    var answered = stats.AnsweredCount - answeredBefore;
    var seconds = window.Elapsed.TotalSeconds;
    var cpuAfter = options.ServerPid is { } p1 ? ProcessSampler.Sample(p1) : null;
    await stop.CancelAsync();
    await Task.WhenAll(tasks);

    var (p50, p95, p99, max) = stats.Percentiles();
    var inv = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(inv, $"scenario           {options.Scenario}, {options.Chargers} chargers, rate {(options.Rate > 0 ? options.Rate.ToString(inv) + "/s" : "flat out")}, {seconds:F1} s measured"));
    Console.WriteLine(string.Create(inv, $"connections        {stats.ConnectedCount}"));
    Console.WriteLine(string.Create(inv, $"answered calls/s   {answered / seconds:F0} ({answered} in the window)"));
    Console.WriteLine(string.Create(inv, $"latency ms         p50 {p50:F2}  p95 {p95:F2}  p99 {p99:F2}  max {max:F2}"));
    var errors = stats.Errors.Sum(e => e.Value);
    Console.WriteLine(string.Create(inv, $"errors             {errors}"));
    foreach (var (what, count) in stats.Errors.OrderByDescending(e => e.Value).Take(10))
    {
        Console.WriteLine(string.Create(inv, $"  {count,8}  {what}"));
    }

    if (cpuBefore is { } b && cpuAfter is { } a)
    {
        Console.WriteLine(string.Create(inv, $"server RSS         {a.RssBytes / 1048576.0:F1} MiB at end, {peakRss / 1048576.0:F1} MiB peak, {a.RssBytes / 1024.0 / Math.Max(1, stats.ConnectedCount):F1} KiB per connection"));
        Console.WriteLine(string.Create(inv, $"server CPU         {(a.CpuSeconds - b.CpuSeconds) / seconds * 100:F0}% of one core"));
    }

    return errors == 0 ? 0 : 1;
}
