using System.Net.Sockets;
using Levity.Silo.Audit.Buffering;
using Levity.Silo.Audit.Records;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Audit.Fluentd;

/// <summary>
/// Drains the audit buffer to Fluentd over one TCP connection: takes a batch of records, encodes
/// them as one PackedForward message per tag, writes them (and with acks required, waits for
/// each chunk's ack), then takes the next batch. A failure keeps the batch, drops the connection
/// and retries after an exponential backoff; meanwhile the buffer keeps absorbing records, and
/// sheds the oldest when full. At shutdown it keeps delivering for at most
/// <see cref="FluentdOptions.FlushTimeout"/>, then counts what is left as dropped.
/// </summary>
/// <remarks>
/// A plain hosted service rather than a BackgroundService: .NET 10's BackgroundService does not
/// run ExecuteAsync at all when the host stops right after starting, and the records already
/// buffered would then be lost without being counted.
/// </remarks>
internal sealed partial class FluentdSender : IHostedService, IDisposable
{
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromMinutes(1);

    private readonly AuditBuffer _buffer;
    private readonly AuditMetrics _metrics;
    private readonly FluentdOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FluentdSender> _logger;
    private readonly AuditRecordEncoder _encoder;
    private readonly ForwardBatchBuilder _builder;
    private readonly ForwardBatch _batch = new();
    private readonly Backoff _backoff;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _flushDeadline;
    private readonly string _endpoint;
    private Task _run = Task.CompletedTask;
    private ForwardConnection? _connection;
    private byte[] _frame = new byte[4096];
    private long _droppedLogged;
    private long? _lastDropLog;

    public FluentdSender(
        AuditBuffer buffer,
        AuditMetrics metrics,
        IOptions<FluentdOptions> options,
        TimeProvider time,
        ILogger<FluentdSender> logger,
        ITransactionStartLookup? lookup = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _buffer = buffer;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _encoder = new AuditRecordEncoder(lookup, logger);
        _builder = new ForwardBatchBuilder(new AuditTags(_options.TagPrefix));
        _backoff = new Backoff(_options.InitialBackoff, _options.MaxBackoff);
        _flushDeadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _endpoint = $"{_options.Host}:{_options.Port}";
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _run = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Registered before the store, the sender stops last: the gateway has closed every
        // session and their disconnect records are in the buffer by now.
        _flushDeadline.CancelAfter(_options.FlushTimeout);
        using var hostLimit = cancellationToken.Register(_flushDeadline.Cancel);
        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var abort = _flushDeadline.Token;
        try
        {
            while (!(stoppingToken.IsCancellationRequested && _batch.IsEmpty && _buffer.Count == 0))
            {
                try
                {
                    await RunOnceAsync(stoppingToken, abort);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A bug must not end the audit.
                    Log.SenderFailed(_logger, e);
                    DropBatch();
                    await BackOffAsync(stoppingToken, abort);
                }

                ReportDrops();
            }

            Log.Flushed(_logger, _metrics.Sent);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The flush ran out of time; Abandon counts what is left.
        }
        finally
        {
            Abandon();
            Disconnect();
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken, CancellationToken abort)
    {
        if (_batch.IsEmpty)
        {
            if (_buffer.Count == 0)
            {
                await WaitForRecordsAsync(stoppingToken);
                return;
            }

            await FillBatchAsync(abort);
            if (_batch.IsEmpty)
            {
                return;
            }
        }

        if (await TryDeliverAsync(abort))
        {
            _backoff.Reset();
            _batch.Clear();
        }
        else
        {
            await BackOffAsync(stoppingToken, abort);
        }
    }

    private async Task WaitForRecordsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _buffer.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the loop ends once the buffer is empty.
        }
    }

    private async Task FillBatchAsync(CancellationToken abort)
    {
        while (_builder.Records < _options.MaxBatchRecords && _builder.Bytes < _options.MaxBatchBytes && _buffer.TryTake(out var entry, ref _frame))
        {
            int tagId;
            try
            {
                tagId = await _encoder.EncodeAsync(entry, _frame.AsMemory(0, entry.FrameLength), abort);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.EncodeFailed(_logger, e, entry.ChargePointId);
                _metrics.AddDropped(1);
                continue;
            }

            _builder.Add(tagId, entry.UtcTicks, _encoder.Record);
        }

        _builder.MoveTo(_batch, _options.RequireAck);
    }

    private async Task<bool> TryDeliverAsync(CancellationToken abort)
    {
        try
        {
            if (_connection?.IsClosedByPeer() == true)
            {
                Disconnect();
            }

            if (_connection is null)
            {
                _connection = await ForwardConnection.ConnectAsync(_options, _time, abort);
                Log.Connected(_logger, _endpoint, _backoff.Failures);
            }

            foreach (var message in _batch.Messages)
            {
                if (message.Delivered)
                {
                    continue;
                }

                await _connection.WriteAsync(_batch.Bytes(message), abort);
                if (!_options.RequireAck)
                {
                    message.Delivered = true;
                    _metrics.AddSent(message.Records);
                }
            }

            while (!_batch.AllDelivered)
            {
                if (await _connection.ReadAckAsync(abort) is { } ack)
                {
                    _metrics.AddSent(_batch.Acknowledge(ack));
                }
            }

            return true;
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or ObjectDisposedException)
        {
            _metrics.AddConnectionFailure();
            if (_backoff.Failures == 0)
            {
                Log.Unavailable(_logger, _endpoint, e.Message);
            }
            else
            {
                Log.StillUnavailable(_logger, _endpoint, _backoff.Failures + 1, e.Message);
            }

            Disconnect();
            return false;
        }
    }

    private async Task BackOffAsync(CancellationToken stoppingToken, CancellationToken abort)
    {
        var delay = _backoff.NextDelay();
        try
        {
            // Until shutdown, a stop request ends the wait early so the flush gets its attempt.
            await Task.Delay(delay, _time, stoppingToken.IsCancellationRequested ? abort : stoppingToken);
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
        }
    }

    private void ReportDrops()
    {
        var dropped = _metrics.Dropped;
        if (dropped == _droppedLogged)
        {
            return;
        }

        var now = _time.GetTimestamp();
        if (_lastDropLog is { } last && _time.GetElapsedTime(last, now) < DropLogInterval)
        {
            return;
        }

        Log.Dropped(_logger, dropped - _droppedLogged, dropped);
        _droppedLogged = dropped;
        _lastDropLog = now;
    }

    /// <summary>Gives up on everything not yet delivered, buffered records included, and counts it as dropped.</summary>
    private void Abandon() => CountLost(DropBatchRecords() + _buffer.Clear());

    private void DropBatch() => CountLost(DropBatchRecords());

    private int DropBatchRecords()
    {
        var lost = _batch.UndeliveredRecords + _builder.Clear();
        _batch.Clear();
        return lost;
    }

    private void CountLost(int lost)
    {
        if (lost > 0)
        {
            _metrics.AddDropped(lost);
            Log.Abandoned(_logger, lost);
        }
    }

    private void Disconnect()
    {
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose()
    {
        Disconnect();
        _stopping.Dispose();
        _flushDeadline.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Audit: connected to Fluentd at {Endpoint} (after {Failures} failed attempts)")]
        public static partial void Connected(ILogger logger, string endpoint, int failures);

        [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Audit: Fluentd at {Endpoint} unavailable ({Reason}); records are buffered and the sender retries with backoff")]
        public static partial void Unavailable(ILogger logger, string endpoint, string reason);

        [LoggerMessage(EventId = 602, Level = LogLevel.Debug, Message = "Audit: attempt {Attempt} to reach Fluentd at {Endpoint} failed ({Reason})")]
        public static partial void StillUnavailable(ILogger logger, string endpoint, int attempt, string reason);

        [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Audit: {Count} records dropped since the last report ({Total} in all); Fluentd is slower than the OCPP traffic or away")]
        public static partial void Dropped(ILogger logger, long count, long total);

        [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "Audit: {Count} records not delivered to Fluentd and dropped")]
        public static partial void Abandoned(ILogger logger, int count);

        [LoggerMessage(EventId = 605, Level = LogLevel.Information, Message = "Audit: flushed; {Sent} records delivered to Fluentd since start")]
        public static partial void Flushed(ILogger logger, long sent);

        [LoggerMessage(EventId = 606, Level = LogLevel.Error, Message = "Audit: could not encode a record of {ChargePointId}; dropped")]
        public static partial void EncodeFailed(ILogger logger, Exception exception, string chargePointId);

        [LoggerMessage(EventId = 607, Level = LogLevel.Error, Message = "Audit: sender failed; the current batch is dropped")]
        public static partial void SenderFailed(ILogger logger, Exception exception);
    }
}
