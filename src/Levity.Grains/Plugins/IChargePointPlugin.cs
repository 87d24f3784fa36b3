namespace Levity.Grains.Plugins;

/// <summary>
/// A plugin: a DI singleton that extends how Levity handles chargers. It declares its hooks by
/// implementing <see cref="IBeforeHook{TRequest}"/>, <see cref="IOnHook{TRequest, TResponse}"/>
/// and <see cref="IAfterHook{TRequest, TResponse}"/> for the actions it cares about; see PLUGINS.md.
/// </summary>
public interface IChargePointPlugin
{
    /// <summary>A charger connected (its WebSocket session opened).</summary>
    ValueTask InitializeAsync(PluginSession session, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A charger disconnected.</summary>
    ValueTask CleanupAsync(PluginSession session, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
