using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>The payload of a CALL: one of the <c>*Request</c> records.</summary>
public interface IOcppRequest
{
    /// <summary>The action this request is the payload of.</summary>
    OcppAction Action { get; }
}

/// <summary>A request whose CALLRESULT payload is <typeparamref name="TResponse"/>.</summary>
#pragma warning disable CA1040 // The type parameter is the point: it ties a request to its response.
public interface IOcppRequest<TResponse> : IOcppRequest
    where TResponse : IOcppResponse
{
}
#pragma warning restore CA1040
