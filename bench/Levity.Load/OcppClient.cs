using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Levity.Load;

/// <summary>
/// A minimal OCPP-J charger side: one CALL at a time, answers server CALLs with a generic
/// Accepted, measures the time from the scheduled send to the CALLRESULT. Between calls a
/// zero-byte receive stays pending, as in a real charger's WebSocket stack, so the server's pings
/// are answered with pongs (an idle client that never reads would be dropped by the server's
/// keep-alive after one ping interval).
/// </summary>
internal sealed class OcppClient(ClientWebSocket socket, TimeSpan callTimeout) : IDisposable
{
    private const int MaxMessage = 64 * 1024;
    private byte[] _buffer = new byte[4 * 1024];
    private Task<ValueWebSocketReceiveResult>? _peek;
    private int _nextId;

    public static async Task<OcppClient> ConnectAsync(Uri uri, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp1.6");
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(uri, cancellationToken);
        return new OcppClient(socket, callTimeout);
    }

    /// <summary>Sends a CALL and waits for its answer. Returns the payload, or throws <see cref="CallFailedException"/>.</summary>
    public async Task<JsonElement> CallAsync(string action, string payloadJson, CancellationToken cancellationToken)
    {
        var id = (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var frame = Encoding.UTF8.GetBytes($"[2,\"{id}\",\"{action}\",{payloadJson}]");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(callTimeout);
        await socket.SendAsync(frame, WebSocketMessageType.Text, true, timeout.Token);
        while (true)
        {
            using var message = await ReceiveAsync(timeout.Token);
            var root = message.RootElement;
            var type = root[0].GetInt32();
            if (type == 2)
            {
                // The server called us (e.g. RemoteStartTransaction): answer and keep waiting.
                var reply = Encoding.UTF8.GetBytes($"[3,\"{root[1].GetString()}\",{{\"status\":\"Accepted\"}}]");
                await socket.SendAsync(reply, WebSocketMessageType.Text, true, timeout.Token);
                continue;
            }

            if (root[1].GetString() != id)
            {
                throw new CallFailedException($"answer for unexpected id {root[1]}");
            }

            if (type == 4)
            {
                throw new CallFailedException($"CALLERROR {root[2].GetString()}: {root[3].GetString()}");
            }

            return root[2].Clone();
        }
    }

    /// <summary>Waits <paramref name="duration"/> with a receive pending, answering any CALL from the server.</summary>
    public async Task IdleAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = Task.Delay(duration, cancellationToken);
        while (true)
        {
            // Not cancellable: cancelling a WebSocket receive aborts the socket. It stays pending
            // for the next call when the delay ends first.
            _peek ??= socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).AsTask();
            if (await Task.WhenAny(_peek, until) == until)
            {
                await until;
                return;
            }

            using var message = await ReceiveAsync(cancellationToken);
            var root = message.RootElement;
            if (root[0].GetInt32() == 2)
            {
                var reply = Encoding.UTF8.GetBytes($"[3,\"{root[1].GetString()}\",{{\"status\":\"Accepted\"}}]");
                await socket.SendAsync(reply, WebSocketMessageType.Text, true, cancellationToken);
            }
        }
    }

    private async Task<JsonDocument> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_peek is { } peek)
        {
            _peek = null;
            if ((await peek).MessageType == WebSocketMessageType.Close)
            {
                throw new CallFailedException($"closed by server ({socket.CloseStatus} {socket.CloseStatusDescription})");
            }
        }

        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new CallFailedException($"closed by server ({socket.CloseStatus} {socket.CloseStatusDescription})");
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(new ReadOnlySequence<byte>(_buffer, 0, length));
            }

            if (length == _buffer.Length)
            {
                if (_buffer.Length == MaxMessage)
                {
                    throw new CallFailedException("answer larger than 64 KiB");
                }

                Array.Resize(ref _buffer, Math.Min(_buffer.Length * 4, MaxMessage));
            }
        }
    }

    public async Task CloseAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "load done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                socket.Abort();
            }
        }
    }

    public void Dispose() => socket.Dispose();

    public static long Now() => Stopwatch.GetTimestamp();
}

internal sealed class CallFailedException(string message) : Exception(message);
