using Levity.Storage.Writer;

namespace Levity.Tests.Storage;

/// <summary>
/// A write that holds the writer thread until released, so a test can queue work behind it and
/// know exactly what will be batched together.
/// </summary>
internal sealed class WriterGate : StoreOperation<bool>
{
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _release = new();

    public void WaitUntilEntered() => Assert.True(_entered.Wait(TimeSpan.FromSeconds(30)), "the writer never reached the gate");

    public void Release() => _release.Set();

    protected override bool Run(WriterSession session)
    {
        _entered.Set();
        Assert.True(_release.Wait(TimeSpan.FromSeconds(30)), "the gate was never released");
        return true;
    }
}
