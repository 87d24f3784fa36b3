namespace Levity.Silo.Audit.Fluentd;

/// <summary>
/// A token cancelled by the caller's token or after a timeout measured on the TimeProvider
/// (CreateLinkedTokenSource cannot take a TimeProvider).
/// </summary>
internal readonly struct Deadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _link;

    private Deadline(CancellationTokenSource source, CancellationTokenRegistration link)
    {
        _source = source;
        _link = link;
    }

    public CancellationToken Token => _source.Token;

    public static Deadline Start(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var source = new CancellationTokenSource(timeout, time);
        var link = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
        return new Deadline(source, link);
    }

    public void Dispose()
    {
        _link.Dispose();
        _source.Dispose();
    }
}
