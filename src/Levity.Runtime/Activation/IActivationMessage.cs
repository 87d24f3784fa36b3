namespace Levity.Runtime.Activation;

/// <summary>
/// A request for a turn: a grain call or a timer tick. Once started, the activation is told when
/// the turn ends through <see cref="GrainActivation.CompleteTurn"/>.
/// </summary>
internal interface IActivationMessage : IActivationWorkItem
{
    /// <summary>Whether the turn may start while other turns are in progress.</summary>
    bool IsInterleaving { get; }

    /// <summary>The message will not run (activation failed, queue full, silo stopped).</summary>
    void Reject(Exception exception);

    /// <summary>The activation deactivated with this message still queued.</summary>
    void OnActivationLost(GrainActivation activation);
}
