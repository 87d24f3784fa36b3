using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Levity.Tests.Support;

/// <summary>
/// A charger in a test: a real ClientWebSocket speaking raw OCPP-J frames. A background reader
/// sorts what the server sends into answers (by message id) and server-initiated CALLs.
/// </summary>
internal sealed class TestCharger : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonArray> _answers = Channel.CreateUnbounded<JsonArray>();
    private readonly Channel<JsonArray> _serverCalls = Channel.CreateUnbounded<JsonArray>();
    private readonly Task _reader;
    private int _nextId;

    private TestCharger(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static Task<TestCharger> ConnectAsync(Uri uri, string? subProtocol = "ocpp1.6") => ConnectAsync(uri, _ => { }, subProtocol);

    /// <summary>Connects with socket options set by <paramref name="configure"/> (credentials, TLS); the socket is disposed when the handshake fails.</summary>
    public static async Task<TestCharger> ConnectAsync(Uri uri, Action<ClientWebSocketOptions> configure, string? subProtocol = "ocpp1.6")
    {
        ArgumentNullException.ThrowIfNull(configure);
        var socket = new ClientWebSocket();
        try
        {
            if (subProtocol is not null)
            {
                socket.Options.AddSubProtocol(subProtocol);
            }

            configure(socket.Options);
            using var timeout = new CancellationTokenSource(Timeout);
            await socket.ConnectAsync(uri, timeout.Token);
            return new TestCharger(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends a CALL and returns the whole answer frame ([3, id, payload] or [4, id, code, ...]).</summary>
    public async Task<JsonArray> CallAsync(string action, object payload)
    {
        var id = "m" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        await SendRawAsync(JsonSerializer.Serialize(new object[] { 2, id, action, payload }));
        var answer = await NextAnswerAsync();
        Assert.Equal(id, answer[1]!.GetValue<string>());
        return answer;
    }

    /// <summary>Sends a CALL and returns the CALLRESULT payload; fails the test on a CALLERROR.</summary>
    public async Task<JsonObject> CallOkAsync(string action, object payload)
    {
        var answer = await CallAsync(action, payload);
        Assert.True(answer[0]!.GetValue<int>() == 3, $"{action} answered {answer.ToJsonString()}");
        return answer[2]!.AsObject();
    }

    public Task SendRawAsync(string frame) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<JsonArray> NextAnswerAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await _answers.Reader.ReadAsync(timeout.Token);
    }

    public async Task<JsonArray> NextServerCallAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? Timeout);
        return await _serverCalls.Reader.ReadAsync(timeout.Token);
    }

    public bool TryGetServerCall(out JsonArray? call) => _serverCalls.Reader.TryRead(out call);

    /// <summary>Waits until the server closes the socket; returns the close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitClosedAsync()
    {
        await _reader.WaitAsync(Timeout);
        return _socket.CloseStatus;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    break;
                }

                var frame = JsonNode.Parse(buffer.AsSpan(0, length))!.AsArray();
                var target = frame[0]!.GetValue<int>() == 2 ? _serverCalls : _answers;
                target.Writer.TryWrite(frame);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _answers.Writer.TryComplete();
            _serverCalls.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                // The reader owns ReceiveAsync; it sees the server's close frame and ends.
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }

        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
    }
}
