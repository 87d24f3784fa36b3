namespace Levity.Runtime.Activation;

/// <summary>The single thread of execution: the run queue and its drain on the thread pool.</summary>
internal sealed partial class GrainActivation
{
    /// <summary>Called by <see cref="ActivationSynchronizationContext"/>: runs a continuation on this activation.</summary>
    public void Post(SendOrPostCallback callback, object? state)
    {
        // Continuations are never refused, even after deactivation: dropping one would hang its awaiter.
        lock (_lock)
        {
            _ready.Enqueue(new ReadyItem(callback, state));
            ScheduleLocked();
        }
    }
    private void ScheduleLocked()
    {
        if (!_executing && _ready.Count > 0)
        {
            _executing = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>The thread that held <c>_executing</c> (inline caller) lets go of it, or hands it to a drain.</summary>
    private void EndSegmentLocked()
    {
        if (_ready.Count > 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            _executing = false;
        }
    }

    /// <summary>Drains the run queue: one item at a time, with this activation's context current.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        RuntimeContext.Current = this;
        try
        {
            for (var budget = MaxItemsPerDrain; ; budget--)
            {
                ReadyItem item;
                lock (_lock)
                {
                    if (_ready.Count == 0)
                    {
                        _executing = false;
                        return;
                    }

                    if (budget == 0)
                    {
                        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                        return;
                    }

                    item = _ready.Dequeue();
                }

                RunItem(item);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
            RuntimeContext.Current = null;
        }
    }

    private void RunItem(ReadyItem item)
    {
        try
        {
            if (item.WorkItem is { } workItem)
            {
                workItem.Execute(this);
            }
            else
            {
                item.Callback!(item.State);
            }
        }
        catch (Exception exception)
        {
            // Work items report their own failures; this is a callback posted by other code.
            Log.PostedCallbackFailed(_logger, GrainId, exception);
        }

        // Restore our context in case the item changed it.
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        RuntimeContext.Current = this;
    }
}
