using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Levity.Tests.Audit.Support;

/// <summary>
/// A Fluentd forward input for tests: a real TCP listener on loopback that decodes Message,
/// Forward and PackedForward mode (EventTime or integer time) with the tests' own decoder and
/// answers {"ack": chunk} when a message carries a chunk id, as Fluentd does. Can withhold the
/// first acks (closing the connection instead, like a Fluentd that crashed before committing) or
/// never read at all (a Fluentd that hangs).
/// </summary>
internal sealed class ForwardReceiver : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly TcpListener _listener;
    private readonly bool _neverRead;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly List<ForwardEvent> _events = [];
    private readonly List<ForwardMessageInfo> _messages = [];
    private readonly List<Socket> _connections = [];
    private readonly List<Task> _readers = [];
    private readonly Task _acceptLoop;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _withholdAcks;

    private ForwardReceiver(int port, int withholdAcks, bool neverRead)
    {
        _withholdAcks = withholdAcks;
        _neverRead = neverRead;
        _listener = new TcpListener(IPAddress.Loopback, port);
        if (neverRead)
        {
            // Accepted sockets inherit it: a small window fills after a few KiB.
            _listener.Server.ReceiveBufferSize = 4096;
        }

        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public IReadOnlyList<ForwardEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<ForwardMessageInfo> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public int Connections
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    /// <param name="port">0 for any free port.</param>
    /// <param name="withholdAcks">How many chunked messages to take without acking, closing the connection after each.</param>
    /// <param name="neverRead">Accept connections but never read from them.</param>
    public static ForwardReceiver Start(int port = 0, int withholdAcks = 0, bool neverRead = false) => new(port, withholdAcks, neverRead);

    /// <summary>A loopback port with nothing listening on it (for as long as nobody takes it).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the events received; fails after a generous guard time.</summary>
    public async Task<IReadOnlyList<ForwardEvent>> WaitForAsync(Func<IReadOnlyList<ForwardEvent>, bool> condition)
    {
        await WaitUntilAsync(() => condition(_events));
        return Events;
    }

    public Task WaitForConnectionsAsync(int count) => WaitUntilAsync(() => _connections.Count >= count);

    public Task WaitForMessagesAsync(Func<IReadOnlyList<ForwardMessageInfo>, bool> condition) => WaitUntilAsync(() => condition(_messages));

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition())
                {
                    return;
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left)) != changed)
            {
                throw new TimeoutException($"in-test Fluentd: condition not met; received {_events.Count} events: {string.Join("; ", Events.Take(20))}");
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_lock)
                {
                    _connections.Add(socket);
                    if (!_neverRead)
                    {
                        _readers.Add(Task.Run(() => ReadLoopAsync(socket)));
                    }

                    Changed();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ReadLoopAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                length += read;
                while (MsgPackDecoder.TryDecode(buffer.AsSpan(0, length), out var value, out var consumed))
                {
                    var raw = buffer.AsSpan(0, consumed).ToArray();
                    buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                    length -= consumed;
                    if (!await HandleAsync(socket, (List<object?>)value!, raw))
                    {
                        socket.Dispose();
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Stores one message's events and acks it; false to drop the connection instead.</summary>
    private async Task<bool> HandleAsync(Socket socket, List<object?> message, byte[] raw)
    {
        var tag = (string)message[0]!;
        List<object?> entries;
        string mode;
        Dictionary<object, object?>? options;
        switch (message[1])
        {
            case byte[] packed:
                mode = "PackedForward";
                entries = MsgPackDecoder.DecodeAll(packed);
                options = message.Count > 2 ? (Dictionary<object, object?>?)message[2] : null;
                break;
            case List<object?> forward:
                mode = "Forward";
                entries = forward;
                options = message.Count > 2 ? (Dictionary<object, object?>?)message[2] : null;
                break;
            default:
                mode = "Message";
                entries = [new List<object?> { message[1], message[2] }];
                options = message.Count > 3 ? (Dictionary<object, object?>?)message[3] : null;
                break;
        }

        var chunk = options?.GetValueOrDefault("chunk") as string;
        var size = options?.GetValueOrDefault("size") as long?;
        lock (_lock)
        {
            if (chunk is not null && _withholdAcks > 0)
            {
                _withholdAcks--;
                _messages.Add(new ForwardMessageInfo(tag, mode, entries.Count, size, chunk, Acked: false, raw));
                Changed();
                return false;
            }

            foreach (var entry in entries.Cast<List<object?>>())
            {
                var (seconds, nanoseconds) = entry[0] switch
                {
                    MsgPackExt { Type: 0, Data.Length: 8 } time => ((long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(time.Data), (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(time.Data.AsSpan(4))),
                    long integer => (integer, 0L),
                    var other => throw new InvalidDataException($"bad event time {other}"),
                };
                _events.Add(new ForwardEvent(tag, seconds, nanoseconds, (Dictionary<object, object?>)entry[1]!));
            }

            _messages.Add(new ForwardMessageInfo(tag, mode, entries.Count, size, chunk, Acked: chunk is not null, raw));
            Changed();
        }

        if (chunk is not null)
        {
            await socket.SendAsync(Ack(chunk), SocketFlags.None, _stop.Token);
        }

        return true;
    }

    /// <summary>{"ack": chunk}, encoded by hand (fixmap of one, fixstr key, str8 value at most).</summary>
    private static byte[] Ack(string chunk)
    {
        var value = Encoding.UTF8.GetBytes(chunk);
        using var bytes = new MemoryStream();
        bytes.Write([0x81, 0xa3, (byte)'a', (byte)'c', (byte)'k']);
        if (value.Length <= 31)
        {
            bytes.WriteByte((byte)(0xa0 | value.Length));
        }
        else
        {
            bytes.Write([0xd9, (byte)value.Length]);
        }

        bytes.Write(value);
        return bytes.ToArray();
    }

    private void Changed()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] readers;
        lock (_lock)
        {
            foreach (var socket in _connections)
            {
                socket.Dispose();
            }

            readers = [.. _readers];
        }

        await Task.WhenAll(readers);
        _stop.Dispose();
    }
}
