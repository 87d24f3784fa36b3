namespace Levity.Runtime.Activation;

internal static class TaskResults
{
    /// <summary>A <see cref="Task{TResult}"/> failed the same way as <paramref name="failed"/>, keeping its exceptions.</summary>
    public static Task<TResult> FromFailed<TResult>(Task failed)
    {
        var completion = new TaskCompletionSource<TResult>();
        SetFailed(completion, failed);
        return completion.Task;
    }

    public static void SetFailed<TResult>(TaskCompletionSource<TResult> completion, Task failed)
    {
        if (failed.IsCanceled)
        {
            completion.TrySetCanceled(CancellationTokenOf(failed));
            return;
        }

        completion.TrySetException(failed.Exception!.InnerExceptions);
    }

    private static CancellationToken CancellationTokenOf(Task canceled)
    {
        try
        {
            canceled.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException exception)
        {
            return exception.CancellationToken;
        }

        return CancellationToken.None;
    }
}
