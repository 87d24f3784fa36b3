using Levity.Ocpp.Messages;

namespace Levity.Grains.Plugins;

/// <summary>
/// Runs after the answer was sent to the charger, outside the charger's turn: it never delays
/// the answer and may call the charger (<see cref="PluginSession.CallAsync{TResponse}"/>) even
/// while the charger sends other messages.
/// </summary>
public interface IAfterHook<TRequest, TResponse>
    where TRequest : IOcppRequest<TResponse>
    where TResponse : IOcppResponse
{
    ValueTask AfterAsync(PluginContext<TRequest, TResponse> context, CancellationToken cancellationToken);
}
