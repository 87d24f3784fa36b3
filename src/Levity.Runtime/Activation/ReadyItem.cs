namespace Levity.Runtime.Activation;

/// <summary>
/// An entry of an activation's run queue: either a work item (turn start, activation step) or a
/// continuation posted to the activation's synchronization context.
/// </summary>
internal readonly struct ReadyItem
{
    public ReadyItem(IActivationWorkItem workItem)
    {
        WorkItem = workItem;
    }

    public ReadyItem(SendOrPostCallback callback, object? state)
    {
        Callback = callback;
        State = state;
    }

    public IActivationWorkItem? WorkItem { get; }

    public SendOrPostCallback? Callback { get; }

    public object? State { get; }
}
