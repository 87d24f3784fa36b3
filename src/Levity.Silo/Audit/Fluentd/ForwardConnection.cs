using System.Net.Sockets;
using MessagePack;

namespace Levity.Silo.Audit.Fluentd;

/// <summary>
/// The one TCP connection to the Fluentd forward input. Every operation is bounded in time
/// (connect, write, ack) so a Fluentd that stops reading can hold up the sender, never the OCPP
/// path; a timeout surfaces as <see cref="TimeoutException"/> and the caller drops the connection.
/// </summary>
internal sealed class ForwardConnection : IDisposable
{
    // An ack is a tiny map; anything this large without a complete value is not Fluentd.
    private const int MaxResponseBytes = 64 * 1024;

    private readonly Socket _socket;
    private readonly FluentdOptions _options;
    private readonly TimeProvider _time;
    private byte[] _response = new byte[256];
    private int _responseLength;

    private ForwardConnection(Socket socket, FluentdOptions options, TimeProvider time)
    {
        _socket = socket;
        _options = options;
        _time = time;
    }

    public static async Task<ForwardConnection> ConnectAsync(FluentdOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendBufferSize = options.SocketSendBufferBytes };
        try
        {
            using var deadline = Deadline.Start(options.ConnectTimeout, time, cancellationToken);
            try
            {
                await socket.ConnectAsync(options.Host, options.Port, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no connection within {options.ConnectTimeout.TotalSeconds:0.#} s");
            }

            return new ForwardConnection(socket, options, time);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// True when Fluentd has closed its end. Checked before each write: without acks, a write to a
    /// connection the peer already closed still "succeeds" and its records would be lost unseen.
    /// </summary>
    public bool IsClosedByPeer()
    {
        try
        {
            return _socket.Poll(0, SelectMode.SelectRead) && _socket.Available == 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        using var deadline = Deadline.Start(_options.WriteTimeout, _time, cancellationToken);
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await _socket.SendAsync(data, SocketFlags.None, deadline.Token);
                data = data[sent..];
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Fluentd took no data for {_options.WriteTimeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Reads Fluentd's next response and returns its "ack" value (null for a response without one).</summary>
    public async ValueTask<string?> ReadAckAsync(CancellationToken cancellationToken)
    {
        using var deadline = Deadline.Start(_options.AckTimeout, _time, cancellationToken);
        try
        {
            while (true)
            {
                if (TryTakeResponse(out var ack))
                {
                    return ack;
                }

                if (_responseLength == _response.Length)
                {
                    if (_response.Length >= MaxResponseBytes)
                    {
                        throw new IOException("Fluentd sent a response that is not an ack");
                    }

                    Array.Resize(ref _response, _response.Length * 2);
                }

                var read = await _socket.ReceiveAsync(_response.AsMemory(_responseLength), SocketFlags.None, deadline.Token);
                if (read == 0)
                {
                    throw new IOException("Fluentd closed the connection before acknowledging");
                }

                _responseLength += read;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no ack within {_options.AckTimeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>
    /// Takes the first response off the buffer when it is complete (false until then) and
    /// returns its "ack" value; a response that is not MessagePack fails the connection.
    /// </summary>
    private bool TryTakeResponse(out string? ack)
    {
        var reader = new MessagePackReader(_response.AsMemory(0, _responseLength));
        int consumed;
        try
        {
            var response = reader.CreatePeekReader();
            // The library's reader has no public "is it complete" test: it throws EndOfStreamException.
            reader.Skip();
            consumed = (int)reader.Consumed;
            ack = ReadAck(ref response);
        }
        catch (EndOfStreamException)
        {
            ack = null;
            return false;
        }
        catch (MessagePackSerializationException e)
        {
            throw new IOException("Fluentd sent a response that is not MessagePack", e);
        }

        _response.AsSpan(consumed, _responseLength - consumed).CopyTo(_response);
        _responseLength -= consumed;
        return true;
    }

    /// <summary>The str value of the key "ack" when <paramref name="reader"/> is at a map that has one.</summary>
    private static string? ReadAck(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType != MessagePackType.Map)
        {
            return null;
        }

        var count = reader.ReadMapHeader();
        for (var i = 0; i < count; i++)
        {
            if (reader.NextMessagePackType == MessagePackType.String && reader.TryReadStringSpan(out var key))
            {
                if (key.SequenceEqual("ack"u8) && reader.NextMessagePackType == MessagePackType.String)
                {
                    return reader.ReadString();
                }
            }
            else
            {
                // A key that is not a str.
                reader.Skip();
            }

            reader.Skip();
        }

        return null;
    }

    public void Dispose() => _socket.Dispose();
}
