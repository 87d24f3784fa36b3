using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

/// <summary>What a connection (e.g. a WebSocket session) exposes to grains.</summary>
public interface ISessionObserver : IGrainObserver
{
    Task Push(string message);

    ValueTask<int> GetReceivedCount();
}
