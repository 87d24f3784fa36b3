namespace Levity.Runtime.Activation;

/// <summary>Something an activation runs on its single thread of execution.</summary>
internal interface IActivationWorkItem
{
    void Execute(GrainActivation activation);
}
