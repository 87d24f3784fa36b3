using System.Buffers;
using System.Net.WebSockets;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Sessions;

namespace Levity.Silo.Gateway;

/// <summary>
/// One charger's WebSocket: a receive loop that hands complete messages to the handler, a
/// serialized send path with a timeout, and a drain-then-close shutdown.
/// </summary>
public sealed partial class ChargerSession : IDisposable
{
    private const int InitialReceiveBuffer = 4096;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly GatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ArrayBufferWriter<byte>? _responseBuffer;
    private long _lastReceived;
    private int _inFlight;
    private volatile bool _draining;

    public ChargerSession(string chargePointId, long generation, string? remoteAddress, string? subProtocol, WebSocket socket, GatewayOptions options, TimeProvider time, ILogger logger)
    {
        ChargePointId = chargePointId;
        Generation = generation;
        RemoteAddress = remoteAddress;
        SubProtocol = subProtocol;
        _socket = socket;
        _options = options;
        _time = time;
        _logger = logger;
        _lastReceived = time.GetTimestamp();
        ConnectedAt = time.GetUtcNow();
    }

    public string ChargePointId { get; }

    /// <summary>Increases with every connection of any charger; tells a replaced session from its successor.</summary>
    public long Generation { get; }

    public string? RemoteAddress { get; }

    /// <summary>The negotiated subprotocol, or null when the charger offered none.</summary>
    public string? SubProtocol { get; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>The OCPP side of this connection, set by the connection handler.</summary>
    public OcppSession? Protocol { get; set; }

    /// <summary>Where answers to this charger's calls are serialized (reused: one message is handled at a time).</summary>
    internal ArrayBufferWriter<byte> ResponseBuffer => _responseBuffer ??= new ArrayBufferWriter<byte>(256);

    /// <summary>
    /// The object the grain's calls reach. Orleans holds observer objects weakly: this strong
    /// reference keeps it alive for exactly the session's lifetime.
    /// </summary>
    public IChargerConnection? Observer { get; set; }

    /// <summary>The observer reference (made with CreateObjectReference) through which the grain sends calls to this session.</summary>
    public IChargerConnection? Channel { get; set; }

    /// <summary>The charger's grain, set by the connection handler.</summary>
    public IChargePointGrain? Grain { get; set; }

    public bool IsOpen => _socket.State == WebSocketState.Open && !_draining;

    /// <summary>Time since the charger last sent a message (pongs excluded: they prove the socket, not the charger).</summary>
    public TimeSpan Silence => _time.GetElapsedTime(Interlocked.Read(ref _lastReceived));

    /// <summary>Reads messages until the socket closes; returns when the session is over.</summary>
    public async Task RunAsync(IChargerConnectionHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                // A zero-byte read waits for the next frame without holding a buffer, so idle
                // chargers cost no receive memory.
                var peek = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
                if (peek.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                await ReceiveMessageAsync(handler, cancellationToken);
            }
        }
        catch (WebSocketException e)
        {
            Log.SocketFailed(_logger, ChargePointId, e.WebSocketErrorCode, e.Message);
        }
        catch (OperationCanceledException)
        {
            // Aborted by shutdown or by the send timeout; the socket is gone either way.
        }
        finally
        {
            await CompleteCloseAsync();
        }
    }

    private async Task ReceiveMessageAsync(IChargerConnectionHandler handler, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialReceiveBuffer);
        var length = 0;
        var truncated = false;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= _options.MaxFrameBytes)
                    {
                        truncated = true;
                        length = await DiscardRestAsync(buffer, length, cancellationToken);
                        break;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxFrameBytes));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var limit = Math.Min(buffer.Length, _options.MaxFrameBytes);
                var result = await _socket.ReceiveAsync(buffer.AsMemory(length, limit - length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    break;
                }

                if (length == limit && limit == _options.MaxFrameBytes)
                {
                    truncated = true;
                    length = await DiscardRestAsync(buffer, length, cancellationToken);
                    break;
                }
            }

            Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
            if (_draining)
            {
                // Shutting down: an unanswered message is retried by the charger after it reconnects.
                Log.DroppedWhileDraining(_logger, ChargePointId);
                return;
            }

            await handler.OnMessageAsync(this, buffer.AsMemory(0, length), truncated, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads and drops the rest of an oversized message; keeps the first bytes for diagnostics.</summary>
    private async Task<int> DiscardRestAsync(byte[] buffer, int kept, CancellationToken cancellationToken)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(InitialReceiveBuffer);
        try
        {
            long discarded = 0;
            while (true)
            {
                var result = await _socket.ReceiveAsync(scratch.AsMemory(), cancellationToken);
                discarded += result.Count;
                if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
                {
                    Log.FrameTooLarge(_logger, ChargePointId, kept + discarded, _options.MaxFrameBytes);
                    return Math.Min(kept, buffer.Length);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Sends one text message; false when the socket is closed or the peer stopped reading.</summary>
    /// <remarks>
    /// A send almost always completes at once (the kernel takes the frame). Only one that waits,
    /// because the peer's receive window is full, gets a timeout: no timer or token source per
    /// session (idle chargers are most of them) and none per message.
    /// </remarks>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (_socket.State != WebSocketState.Open)
            {
                return false;
            }

            var send = _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            if (send.IsCompletedSuccessfully)
            {
                send.GetAwaiter().GetResult();
                return true;
            }

            await WaitOrAbortAsync(send.AsTask());
            return true;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
        {
            Log.SendFailed(_logger, ChargePointId, e.Message);
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A peer that does not read for <see cref="SendTimeout"/> is dead to us: its socket is aborted.</summary>
    private async Task WaitOrAbortAsync(Task send)
    {
        try
        {
            await send.WaitAsync(SendTimeout, _time);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
            // The aborted send fails in turn; observe it so it is not reported as unobserved.
            _ = send.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>Registers work that must finish (its answer sent) before the session closes.</summary>
    public bool TryBeginWork()
    {
        Interlocked.Increment(ref _inFlight);
        if (_draining)
        {
            EndWork();
            return false;
        }

        return true;
    }

    public void EndWork()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && _draining)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>
    /// Stops taking messages, waits for work in flight (bounded by the token), then closes with
    /// <paramref name="status"/>. Used for shutdown (1001), replacement and the silence watchdog.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
    {
        _draining = true;
        if (Volatile.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }

        try
        {
            await _drained.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time: close anyway; unanswered messages are retried by the charger.
        }

        await _sendLock.WaitAsync(CancellationToken.None);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(_options.CloseTimeout);
                await _socket.CloseOutputAsync(status, description, timeout.Token);
                _ = AbortUnlessClosedAsync();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A peer that never answers our close frame would keep the receive loop waiting.</summary>
    private async Task AbortUnlessClosedAsync()
    {
        await Task.Delay(_options.CloseTimeout, _time);
        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }
    }

    private async Task CompleteCloseAsync()
    {
        if (_socket.State is WebSocketState.CloseReceived)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
        }
    }

    /// <summary>Kills the connection without a closing handshake.</summary>
    public void Abort() => _socket.Abort();

    /// <remarks>
    /// The send lock is left to the GC: a close started by the watchdog or a replacement may still
    /// be finishing when the endpoint disposes the session, and it holds nothing unmanaged once idle.
    /// </remarks>
    public void Dispose()
    {
        Protocol?.Dispose();
        _socket.Dispose();
    }


    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Charger {ChargePointId}: socket failed ({Error}): {Reason}")]
        public static partial void SocketFailed(ILogger logger, string chargePointId, WebSocketError error, string reason);

        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: frame of {Bytes} bytes exceeds the {Limit}-byte limit; discarded")]
        public static partial void FrameTooLarge(ILogger logger, string chargePointId, long bytes, int limit);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Charger {ChargePointId}: send failed: {Reason}")]
        public static partial void SendFailed(ILogger logger, string chargePointId, string reason);

        [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Charger {ChargePointId}: message dropped while closing")]
        public static partial void DroppedWhileDraining(ILogger logger, string chargePointId);
    }
}
