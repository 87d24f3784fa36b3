using System.Net.WebSockets;
using Levity.Silo.Gateway;
using Levity.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Tests.Gateway;

/// <summary>The session's send path against a peer that stops reading (its receive window full).</summary>
public sealed class SendTimeoutTests
{
    [Fact]
    public async Task Send_PeerReads_CompletesWithoutATimer()
    {
        var time = new TimerCountingClock();
        var stream = new StallingStream();
        var session = Session(stream, time);

        Assert.True(await session.SendAsync("[3,\"1\",{}]"u8.ToArray(), CancellationToken.None));

        Assert.Equal(0, time.ActiveTimers);
        Assert.True(stream.Written > 0);
    }

    [Fact]
    public async Task Send_PeerStopsReading_AbortedAfterTenSecondsAndReportedAsNotSent()
    {
        var time = new TimerCountingClock();
        var stream = new StallingStream { Stalled = true };
        var session = Session(stream, time);

        var send = session.SendAsync("[3,\"1\",{}]"u8.ToArray(), CancellationToken.None).AsTask();
        await WaitUntil(() => time.ActiveTimers == 1);
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(send.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.False(await send.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(session.IsOpen);
        Assert.True(stream.Closed);
    }

    private static ChargerSocket Session(Stream stream, TimeProvider time) =>
        new("SLOW", WebSocket.CreateFromStream(stream, isServer: true, "ocpp1.6", Timeout.InfiniteTimeSpan), new GatewayOptions(), time, NullLogger.Instance);

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    /// <summary>A transport whose writes either complete or hang until it is closed (a peer not reading).</summary>
    private sealed class StallingStream : Stream
    {
        private readonly CancellationTokenSource _closed = new();

        public bool Stalled { get; init; }

        public long Written { get; private set; }

        /// <summary>The socket was aborted: a real transport is closed and its pending write fails.</summary>
        public bool Closed => _closed.IsCancellationRequested;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!Stalled)
            {
                Written += buffer.Length;
                return;
            }

            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
            await Task.Delay(Timeout.Infinite, either.Token);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
            await Task.Delay(Timeout.Infinite, either.Token);
            return 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _closed.Cancel();
            }

            base.Dispose(disposing);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
