using Levity.Runtime;
using Levity.Runtime.Concurrency;

namespace Levity.Tests.Runtime.TestGrains;

/// <summary>
/// The motivating case: the grain sends a command to its device and waits for the reply while the
/// device's own messages keep arriving as grain calls.
/// </summary>
public interface IChargerGrain : IGrainWithStringKey
{
    /// <summary>Sends a command; the wait for <paramref name="reply"/> runs as background work outside the turn.</summary>
    Task SendCommandInBackground(string command, Task<string> reply);

    /// <summary>Sends a command and waits for <paramref name="reply"/> inside this (normal) turn.</summary>
    Task<string> SendCommandAndWait(string command, Task<string> reply);

    /// <summary>A message from the device; may complete a pending reply.</summary>
    Task OnDeviceMessage(string message, TaskCompletionSource<string>? completes = null, string? reply = null);

    /// <summary>A reply from the device, delivered even while a turn waits.</summary>
    [AlwaysInterleave]
    Task OnDeviceReply(TaskCompletionSource<string> completes, string reply);

    /// <summary>Records the reply (called by the background work through the grain's own reference).</summary>
    Task RecordReply(string command, string reply);

    Task<IReadOnlyList<string>> GetLog();
}
