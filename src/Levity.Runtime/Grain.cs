using Levity.Runtime.Activation;
using Levity.Runtime.Timers;

namespace Levity.Runtime;

/// <summary>
/// Base class of grains (Orleans <c>Grain</c>). The runtime constructs grains on their first call
/// (with <c>ActivatorUtilities</c>: DI services and <c>[PersistentState]</c> parameters) and runs
/// one turn at a time on each, so grain code needs no locks.
/// </summary>
/// <remarks>
/// <para>Turns: a call's turn lasts until its task completes, awaits included, so calls are
/// handled one after another in arrival order. Two ways to let work proceed while a turn waits:
/// <c>[AlwaysInterleave]</c> on an interface method (that call runs even while another turn is in
/// progress) or <c>[Reentrant]</c> on the class (all calls interleave at awaits); and
/// <see cref="StartBackgroundWork(Func{CancellationToken, Task})"/> to run an operation outside
/// the turn. Interleaved code is still single-threaded: it only switches at <c>await</c>s.</para>
/// <para>Do not use <c>ConfigureAwait(false)</c> in grain code: the continuation would leave the
/// grain's thread of execution. A grain that calls itself (or a grain that calls it back) and
/// awaits the result within a non-interleaving turn waits for ever; there is no call timeout.</para>
/// </remarks>
public abstract class Grain : IAddressable
{
    private readonly GrainActivation? _activation;

    protected Grain()
    {
        _activation = GrainActivation.Constructing;
    }

    /// <summary>The activation hosting this grain.</summary>
    public IGrainContext GrainContext => Activation;

    public GrainId GrainId => Activation.GrainId;

    /// <summary>The grain id as text, for logs.</summary>
    public string IdentityString => Activation.GrainId.ToString();

    protected IGrainFactory GrainFactory => Activation.Silo.GrainFactory;

    /// <summary>Services of this activation's DI scope.</summary>
    protected IServiceProvider ServiceProvider => Activation.ActivationServices;

    internal GrainActivation Activation => _activation
        ?? throw new InvalidOperationException($"{GetType().Name} was not created by the runtime; grains are constructed by the silo on their first call.");

    /// <summary>Runs after the grain's persistent states are read and before its first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs when the activation is deactivated (idle, asked to, or silo stopping), after its
    /// running calls have finished. Best effort: a crash skips it, so persist state on change.
    /// </summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Deactivates this activation once the current call completes; calls queued meanwhile go to
    /// a new activation. Overrides <see cref="DelayDeactivation"/>.
    /// </summary>
    protected void DeactivateOnIdle() =>
        Activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>
    /// Keeps this activation from idle collection for at least <paramref name="timeSpan"/>;
    /// <see cref="TimeSpan.MaxValue"/> until told otherwise, a negative value cancels an earlier
    /// delay. Does not prevent <see cref="DeactivateOnIdle"/> or shutdown.
    /// </summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => Activation.DelayDeactivation(timeSpan);

    /// <summary>
    /// Registers a timer whose ticks run on this grain (as turns, unless
    /// <see cref="GrainTimerCreationOptions.Interleave"/>), never overlapping: the next tick is
    /// scheduled when the previous one completes. The token passed to <paramref name="callback"/>
    /// is cancelled when the timer is disposed or the grain deactivates; timers stop on deactivation.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        Activation.RegisterTimer(callback, state, options);

    /// <inheritdoc cref="RegisterGrainTimer{TState}(Func{TState, CancellationToken, Task}, TState, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(static (cb, cancellationToken) => cb(cancellationToken), callback, options);
    }

    /// <inheritdoc cref="RegisterGrainTimer{TState}(Func{TState, CancellationToken, Task}, TState, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>
    /// Starts <paramref name="work"/> outside the current turn, on the thread pool: the turn can end
    /// (and other calls run) while the work waits, e.g. for a reply from a device. The work must not
    /// touch grain fields; it re-enters the grain only by calling it through its own reference
    /// (<c>this.AsReference&lt;IMyGrain&gt;()</c>), which queues a normal turn. The token is
    /// cancelled on deactivation, which waits for the work to end (up to
    /// <c>GrainCollectionOptions.DeactivationTimeout</c>); while it runs the grain is not collected
    /// as idle. Failures are logged; the returned task reports them too. Once the silo starts
    /// stopping, calls from background work are refused like calls from outside the silo.
    /// </summary>
    /// <exception cref="InvalidOperationException">The grain is deactivating.</exception>
    protected Task StartBackgroundWork(Func<CancellationToken, Task> work) => Activation.StartBackgroundWork(work);

    /// <inheritdoc cref="StartBackgroundWork(Func{CancellationToken, Task})"/>
    protected Task<T> StartBackgroundWork<T>(Func<CancellationToken, Task<T>> work) => Activation.StartBackgroundWork(work);
}
