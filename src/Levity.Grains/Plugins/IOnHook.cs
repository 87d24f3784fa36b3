using Levity.Ocpp.Messages;

namespace Levity.Grains.Plugins;

/// <summary>
/// Runs after Levity's handler, before the answer is sent, inside the charger's turn. May replace
/// <see cref="PluginContext{TRequest, TResponse}.Response"/> (e.g. to answer a DataTransfer).
/// </summary>
public interface IOnHook<TRequest, TResponse>
    where TRequest : IOcppRequest<TResponse>
    where TResponse : IOcppResponse
{
    ValueTask OnAsync(PluginContext<TRequest, TResponse> context, CancellationToken cancellationToken);
}
