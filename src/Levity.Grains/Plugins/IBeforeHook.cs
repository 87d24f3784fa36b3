using Levity.Ocpp.Messages;

namespace Levity.Grains.Plugins;

/// <summary>Runs before Levity's own handler of <typeparamref name="TRequest"/>, inside the charger's turn.</summary>
public interface IBeforeHook<TRequest>
    where TRequest : IOcppRequest
{
    ValueTask BeforeAsync(PluginContext<TRequest> context, CancellationToken cancellationToken);
}
