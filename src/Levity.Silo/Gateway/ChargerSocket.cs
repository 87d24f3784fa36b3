using System.Net.WebSockets;

namespace Levity.Silo.Gateway;

/// <summary>
/// The transport under a charger session: serialized sends with a timeout for a peer that stops
/// reading, and a close handshake bounded in time. It knows nothing of OCPP.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "The send lock has no wait handle to free; a close started by the watchdog or a replacement may still hold it when the endpoint ends.")]
public sealed partial class ChargerSocket(string chargePointId, WebSocket socket, GatewayOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>A peer that does not read for this long is dead to us: its socket is aborted.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public WebSocket WebSocket => socket;

    public bool IsOpen => socket.State == WebSocketState.Open;

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
            if (socket.State != WebSocketState.Open)
            {
                return false;
            }

            var send = socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
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
            Log.SendFailed(logger, chargePointId, e.Message);
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task WaitOrAbortAsync(Task send)
    {
        try
        {
            await send.WaitAsync(SendTimeout, time);
        }
        catch (TimeoutException)
        {
            socket.Abort();
            // The aborted send fails in turn; observe it so it is not reported as unobserved.
            _ = send.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>Sends a close frame with <paramref name="status"/> (after any send in progress) and aborts a peer that never answers it.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description)
    {
        await _sendLock.WaitAsync(CancellationToken.None);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(options.CloseTimeout);
                await socket.CloseOutputAsync(status, description, timeout.Token);
                _ = AbortUnlessClosedAsync();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A peer that never answers our close frame would keep the receive loop waiting.</summary>
    private async Task AbortUnlessClosedAsync()
    {
        await Task.Delay(options.CloseTimeout, time);
        if (socket.State != WebSocketState.Closed)
        {
            socket.Abort();
        }
    }

    /// <summary>Kills the connection without a closing handshake.</summary>
    public void Abort() => socket.Abort();

    private static partial class Log
    {
        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Charger {ChargePointId}: send failed: {Reason}")]
        public static partial void SendFailed(ILogger logger, string chargePointId, string reason);
    }
}
