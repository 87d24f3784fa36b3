using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public sealed class ChargerGrain(GrainProbe probe) : Grain, IChargerGrain
{
    private readonly List<string> _log = [];

    public Task SendCommandInBackground(string command, Task<string> reply)
    {
        _log.Add($"sent:{command}");
        var self = this.AsReference<IChargerGrain>();
        var key = this.GetPrimaryKeyString();
        _ = StartBackgroundWork(async cancellationToken =>
        {
            var answer = await reply.WaitAsync(cancellationToken);
            await self.RecordReply(command, answer);
            probe.Record($"background-done:{key}");
        });
        return Task.CompletedTask;
    }

    public async Task<string> SendCommandAndWait(string command, Task<string> reply)
    {
        _log.Add($"sent:{command}");
        var answer = await reply;
        _log.Add($"reply:{command}:{answer}");
        return answer;
    }

    public Task OnDeviceMessage(string message, TaskCompletionSource<string>? completes = null, string? reply = null)
    {
        _log.Add($"device:{message}");
        completes?.TrySetResult(reply!);
        return Task.CompletedTask;
    }

    public Task OnDeviceReply(TaskCompletionSource<string> completes, string reply)
    {
        _log.Add($"delivered:{reply}");
        completes.TrySetResult(reply);
        return Task.CompletedTask;
    }

    public Task RecordReply(string command, string reply)
    {
        _log.Add($"reply:{command}:{reply}");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetLog() => Task.FromResult<IReadOnlyList<string>>([.. _log]);
}
