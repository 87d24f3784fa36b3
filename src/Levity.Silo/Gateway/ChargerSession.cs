using System.Buffers;
using System.Net.WebSockets;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Sessions;

namespace Levity.Silo.Gateway;

/// <summary>
/// One charger's WebSocket session, from the upgrade to the close. It owns every exchange on its
/// socket: assemble the message (never more than the frame limit in memory), parse and validate
/// it, make the typed call on the charger's grain, send the answer, then hand the answered call to
/// the After hooks. It is also the grain's way to the charger: an <see cref="IChargerConnection"/>
/// observer for server-initiated calls, kept alive by this object for exactly its lifetime.
/// </summary>
public sealed partial class ChargerSession : IChargerConnection, IDisposable
{
    private readonly ChargerSessionServices _services;
    private readonly ChargerSocket _socket;
    private readonly OcppSession _protocol;
    private readonly OcppFrameAssembler _assembler;
    private readonly IChargePointGrain _grain;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ArrayBufferWriter<byte>? _responseBuffer;
    private long _lastReceived;
    private int _inFlight;
    private volatile bool _draining;

    public ChargerSession(string chargePointId, long generation, string? remoteAddress, string? subProtocol, WebSocket socket, ChargerSessionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        ChargePointId = chargePointId;
        Generation = generation;
        RemoteAddress = remoteAddress;
        SubProtocol = subProtocol;
        _services = services;
        _logger = services.Logger;
        _socket = new ChargerSocket(chargePointId, socket, services.Options, services.Time, services.Logger);
        _protocol = services.Protocols.Create(chargePointId, SendFrameAsync);
        _assembler = new OcppFrameAssembler(services.MaxFrameBytes);
        _grain = services.Grains.GetGrain<IChargePointGrain>(chargePointId);
        _lastReceived = services.Time.GetTimestamp();
        ConnectedAt = services.Time.GetUtcNow();
    }

    public string ChargePointId { get; }

    /// <summary>Increases with every connection of any charger; tells a replaced session from its successor.</summary>
    public long Generation { get; }

    public string? RemoteAddress { get; }

    /// <summary>The negotiated subprotocol, or null when the charger offered none.</summary>
    public string? SubProtocol { get; }

    public DateTimeOffset ConnectedAt { get; }

    public bool IsOpen => _socket.IsOpen && !_draining;

    /// <summary>Time since the charger last sent a message (pongs excluded: they prove the socket, not the charger).</summary>
    public TimeSpan Silence => _services.Time.GetElapsedTime(Interlocked.Read(ref _lastReceived));

    /// <summary>The OCPP side of the connection (server-initiated calls, tolerances).</summary>
    internal OcppSession Protocol => _protocol;

    /// <summary>
    /// Tells the grain the charger is here (with a reference to this session as its observer),
    /// handles messages until the socket closes, then tells the grain it left.
    /// </summary>
    public async Task RunAsync()
    {
        var reference = _services.Grains.CreateObjectReference<IChargerConnection>(this);
        try
        {
            await _grain.Connected(new ChargerConnectionInfo(Generation, RemoteAddress, SubProtocol, ConnectedAt), reference);
            await ReceiveAsync();
        }
        finally
        {
            await EndAsync(reference);
        }
    }

    /// <summary>
    /// Pending and later calls on the observer fail at once (connection closed), the grain stops
    /// using it, and only then is the reference deleted: a call to a deleted observer would wait
    /// for Orleans' response timeout.
    /// </summary>
    private async Task EndAsync(IChargerConnection reference)
    {
        _protocol.Close();
        try
        {
            await _grain.Disconnected(Generation);
        }
        catch (Exception e)
        {
            Log.DisconnectNotRecorded(_logger, e, ChargePointId);
        }
        finally
        {
            _services.Grains.DeleteObjectReference<IChargerConnection>(reference);
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

        await _socket.CloseAsync(status, description);
    }

    /// <summary>Kills the connection without a closing handshake.</summary>
    public void Abort() => _socket.Abort();

    /// <remarks>The socket itself belongs to the endpoint that accepted it.</remarks>
    public void Dispose()
    {
        _protocol.Dispose();
        _assembler.Dispose();
    }

    /// <summary>Registers an exchange that must finish (its answer sent) before the session closes.</summary>
    private bool TryBeginWork()
    {
        Interlocked.Increment(ref _inFlight);
        if (_draining)
        {
            EndWork();
            return false;
        }

        return true;
    }

    private void EndWork()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && _draining)
        {
            _drained.TrySetResult();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Charger {ChargePointId}: socket failed ({Error}): {Reason}")]
        public static partial void SocketFailed(ILogger logger, string chargePointId, WebSocketError error, string reason);

        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: message of {Bytes} bytes exceeds the {Limit}-byte frame limit; its bytes beyond the limit were discarded unread")]
        public static partial void FrameTooLarge(ILogger logger, string chargePointId, long bytes, int limit);

        [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Charger {ChargePointId}: message dropped while closing")]
        public static partial void DroppedWhileDraining(ILogger logger, string chargePointId);

        [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: the disconnect could not be recorded by its grain")]
        public static partial void DisconnectNotRecorded(ILogger logger, Exception exception, string chargePointId);

        [LoggerMessage(EventId = 140, Level = LogLevel.Error, Message = "Charger {ChargePointId}: {Action} {MessageId} failed; answered InternalError")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string chargePointId, string action, string messageId);

        [LoggerMessage(EventId = 141, Level = LogLevel.Debug, Message = "Charger {ChargePointId}: frame not sent, the connection is gone")]
        public static partial void NotSent(ILogger logger, string chargePointId);
    }
}
