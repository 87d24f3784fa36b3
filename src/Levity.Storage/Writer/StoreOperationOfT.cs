using System.Threading.Tasks.Sources;

namespace Levity.Storage.Writer;

/// <summary>
/// A write with a result, awaited as a <see cref="ValueTask{TResult}"/> backed by the operation
/// itself (no TaskCompletionSource per write). Continuations run on the thread pool, never on the
/// writer thread.
/// </summary>
internal abstract class StoreOperation<TResult> : StoreOperation, IValueTaskSource<TResult>, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<TResult> _core = new() { RunContinuationsAsynchronously = true };
    private TResult _result = default!;
    private Exception? _error;

    public ValueTask<TResult> AsValueTask() => new(this, _core.Version);

    public ValueTask AsVoidValueTask() => new(this, _core.Version);

    protected abstract TResult Run(WriterSession session);

    internal sealed override void Execute(WriterSession session) => _result = Run(session);

    internal sealed override void Fail(Exception error) => _error ??= error;

    internal sealed override void Complete()
    {
        if (_error is null)
        {
            _core.SetResult(_result);
        }
        else
        {
            _core.SetException(_error);
        }
    }

    TResult IValueTaskSource<TResult>.GetResult(short token) => _core.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
