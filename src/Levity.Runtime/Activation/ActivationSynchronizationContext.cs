namespace Levity.Runtime.Activation;

/// <summary>
/// Current while grain code runs, so every <c>await</c> in a grain resumes on the activation's
/// single thread of execution (Orleans uses a task scheduler for the same purpose).
/// </summary>
internal sealed class ActivationSynchronizationContext(GrainActivation activation) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => activation.Post(d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send to a grain activation would block its turn; use Post.");

    public override SynchronizationContext CreateCopy() => this;
}
