using System.Text;
using System.Threading.Channels;
using Levity.Silo.Gateway;

namespace Levity.Tests.Gateway;

/// <summary>Records what the gateway reports and echoes each message back as "echo:{text}".</summary>
internal sealed class RecordingHandler : IChargerConnectionHandler
{
    public Channel<string> Events { get; } = Channel.CreateUnbounded<string>();

    public ValueTask OnConnectedAsync(ChargerSession session, ChargerSession? replaced, CancellationToken cancellationToken)
    {
        Events.Writer.TryWrite($"connect {session.ChargePointId} gen={session.Generation} replaced={replaced?.Generation}");
        return ValueTask.CompletedTask;
    }

    public async ValueTask OnMessageAsync(ChargerSession session, ReadOnlyMemory<byte> frame, bool truncated, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(frame.Span);
        Events.Writer.TryWrite(truncated ? $"truncated {frame.Length}" : $"message {text}");
        await session.SendAsync(Encoding.UTF8.GetBytes(truncated ? $"echo:truncated:{frame.Length}" : $"echo:{text}"), cancellationToken);
    }

    public ValueTask OnDisconnectedAsync(ChargerSession session, bool wasCurrent, CancellationToken cancellationToken)
    {
        Events.Writer.TryWrite($"disconnect {session.ChargePointId} gen={session.Generation} current={wasCurrent}");
        return ValueTask.CompletedTask;
    }

    public async Task<string> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Events.Reader.ReadAsync(timeout.Token);
    }
}
