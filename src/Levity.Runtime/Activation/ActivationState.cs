namespace Levity.Runtime.Activation;

internal enum ActivationState
{
    /// <summary>In the directory, no call received yet.</summary>
    Created,

    /// <summary>Constructing the grain, reading its state, running OnActivateAsync; calls wait.</summary>
    Activating,

    /// <summary>Running calls (also while a requested deactivation waits for background work).</summary>
    Valid,

    /// <summary>No new turns; OnDeactivateAsync runs once the running turns finish; calls wait to be forwarded.</summary>
    Deactivating,

    /// <summary>Gone from the directory; callers must find or create another activation.</summary>
    Invalid,
}
