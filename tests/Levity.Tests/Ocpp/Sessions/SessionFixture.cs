using System.Diagnostics.Metrics;
using Levity.Ocpp;
using Levity.Ocpp.Diagnostics;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Sessions;
using Levity.Tests.Ocpp.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Levity.Tests.Ocpp.Sessions;

/// <summary>
/// The protocol layer as the gateway gets it from DI, with a capturing logger, a manual clock,
/// a record of sent frames and a listener on the tolerance counter.
/// </summary>
internal sealed class SessionFixture : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _toleranceCounts = [];

    public SessionFixture(bool strict = false)
    {
        _services = new ServiceCollection()
            .AddOcppProtocol()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<ILoggerFactory>(new TestLoggerFactory(Logger))
            .Configure<OcppProtocolOptions>(o => o.StrictValidation = strict)
            .BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == OcppMetrics.TolerancesCounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (_lock)
            {
                var tolerance = (string)tags[0].Value!;
                _toleranceCounts[tolerance] = _toleranceCounts.GetValueOrDefault(tolerance) + value;
            }
        });
        _listener.Start();
        Factory = _services.GetRequiredService<OcppSessionFactory>();
    }

    public FakeTimeProvider Time { get; } = new();

    public TestLogger<OcppSession> Logger { get; } = new();

    public OcppSessionFactory Factory { get; }

    public List<byte[]> Sent { get; } = [];

    public OcppSession Connect(string chargePointId) =>
        Factory.Create(chargePointId, (frame, _) =>
        {
            Sent.Add(frame.ToArray());
            return ValueTask.CompletedTask;
        });

    public long ToleranceCount(string tolerance)
    {
        _listener.RecordObservableInstruments();
        lock (_lock)
        {
            return _toleranceCounts.GetValueOrDefault(tolerance);
        }
    }

    public static OcppCallError ParseReply(ReadOnlyMemory<byte> reply) => Assert.IsType<OcppCallError>(OcppFrameParser.Parse(reply).Frame);

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private sealed class TestLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
