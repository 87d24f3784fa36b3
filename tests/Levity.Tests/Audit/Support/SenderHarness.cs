using System.Diagnostics.Metrics;
using Levity.Silo.Audit;
using Levity.Silo.Audit.Buffering;
using Levity.Silo.Audit.Fluentd;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Audit.Support;

/// <summary>The Fluentd audit without the OCPP server: buffer, sink, metrics and a running sender.</summary>
internal sealed class SenderHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    private SenderHarness(FluentdOptions options, TimeProvider time)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Options = options;
        Buffer = new AuditBuffer(options.BufferBytes, options.BufferRecords);
        MeterFactory = _services.GetRequiredService<IMeterFactory>();
        Metrics = new AuditMetrics(MeterFactory, Buffer);
        Sink = new FluentdAuditSink(Buffer, Metrics, time);
        Sender = new FluentdSender(Buffer, Metrics, Microsoft.Extensions.Options.Options.Create(options), time, Log);
    }

    public FluentdOptions Options { get; }

    public AuditBuffer Buffer { get; }

    public IMeterFactory MeterFactory { get; }

    public AuditMetrics Metrics { get; }

    public IAuditSink Sink { get; }

    public FluentdSender Sender { get; }

    public SignalingLogger<FluentdSender> Log { get; } = new();

    /// <summary>Starts a sender to 127.0.0.1:<paramref name="port"/> with fast retries.</summary>
    public static async Task<SenderHarness> StartAsync(int port, Action<FluentdOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new FluentdOptions { Host = "127.0.0.1", Port = port, InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(200) };
        configure?.Invoke(options);
        var harness = new SenderHarness(options, time ?? TimeProvider.System);
        await harness.Sender.StartAsync(CancellationToken.None);
        return harness;
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await Sender.StopAsync(limit.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Sender.Dispose();
        await _services.DisposeAsync();
    }
}
