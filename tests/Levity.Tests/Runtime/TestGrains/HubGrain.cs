using Levity.Runtime;
using Levity.Runtime.Observers;
using Microsoft.Extensions.Logging;

namespace Levity.Tests.Runtime.TestGrains;

public sealed class HubGrain(TimeProvider timeProvider, ILogger<HubGrain> logger) : Grain, IHubGrain
{
    private readonly ObserverManager<ISessionObserver> _sessions = new(TimeSpan.FromMinutes(5), timeProvider, logger);

    public Task Subscribe(ISessionObserver session)
    {
        _sessions.Subscribe(session);
        return Task.CompletedTask;
    }

    public async Task<int> Broadcast(string message)
    {
        await _sessions.Notify(session => session.Push(message));
        return _sessions.Count;
    }

    public async Task<string?> PushDirect(ISessionObserver session, string message)
    {
        try
        {
            await session.Push(message);
            return null;
        }
        catch (Exception exception)
        {
            return exception.GetType().Name;
        }
    }
}
