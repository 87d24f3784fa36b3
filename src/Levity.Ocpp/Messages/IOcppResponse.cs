using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>The payload of a CALLRESULT: one of the <c>*Response</c> records.</summary>
public interface IOcppResponse
{
    /// <summary>The action this response answers.</summary>
    OcppAction Action { get; }
}
