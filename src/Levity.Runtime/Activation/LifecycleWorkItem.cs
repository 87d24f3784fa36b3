namespace Levity.Runtime.Activation;

/// <summary>The activation's own lifecycle steps, run on its thread of execution like turns.</summary>
internal sealed class LifecycleWorkItem : IActivationWorkItem
{
    public static readonly LifecycleWorkItem Activate = new(static activation => activation.RunActivation());

    public static readonly LifecycleWorkItem FinishDeactivation = new(static activation => activation.RunDeactivation());

    private readonly Action<GrainActivation> _step;

    private LifecycleWorkItem(Action<GrainActivation> step) => _step = step;

    public void Execute(GrainActivation activation) => _step(activation);
}
