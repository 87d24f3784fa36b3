using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Validation;

namespace Levity.Ocpp.Serialization;

/// <summary>
/// Turns a payload into its typed contract: first the compiled official schema (one pass, no
/// DOM, decides strict versus tolerant), then the source-generated deserializer. Never throws
/// on bad input.
/// </summary>
public static class OcppPayloadReader
{
    /// <summary>
    /// Reads the request of a CALL received by <paramref name="receiver"/>: NotImplemented for an
    /// action OCPP 1.6 does not define, NotSupported for one only the receiver may send (a charger
    /// sending RemoteStartTransaction), else the validated, typed request.
    /// </summary>
    public static OcppReadResult<IOcppRequest> ReadRequest(OcppCall call, OcppRole receiver, OcppValidationMode mode)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.ActionInfo is not { } action)
        {
            return OcppReadResult<IOcppRequest>.Failure(OcppError.Create(OcppErrorCode.NotImplemented, $"unknown action '{call.Action}'"));
        }

        var sender = receiver == OcppRole.CentralSystem ? OcppRole.ChargePoint : OcppRole.CentralSystem;
        if (!action.CanBeSentBy(sender))
        {
            return OcppReadResult<IOcppRequest>.Failure(OcppError.Create(OcppErrorCode.NotSupported,
                $"{action.Name} is sent by the {Describe(receiver)}, not to it"));
        }

        return ReadRequest(action, call.Payload.Span, mode);
    }

    /// <summary>Validates and deserializes the request payload of <paramref name="action"/>.</summary>
    public static OcppReadResult<IOcppRequest> ReadRequest(OcppActionInfo action, ReadOnlySpan<byte> payload, OcppValidationMode mode)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Read<IOcppRequest>(action.RequestSchema, action.RequestTypeInfo, payload, mode);
    }

    /// <summary>Validates and deserializes the CALLRESULT payload of <paramref name="action"/>.</summary>
    public static OcppReadResult<IOcppResponse> ReadResponse(OcppActionInfo action, ReadOnlySpan<byte> payload, OcppValidationMode mode)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Read<IOcppResponse>(action.ResponseSchema, action.ResponseTypeInfo, payload, mode);
    }

    /// <summary>Validates against <paramref name="schema"/> and deserializes with <paramref name="typeInfo"/>.</summary>
    public static OcppReadResult<T> Read<T>(OcppSchema schema, JsonTypeInfo typeInfo, ReadOnlySpan<byte> payload, OcppValidationMode mode)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (schema.Validate(payload, mode, out var tolerances) is { } error)
        {
            return OcppReadResult<T>.Failure(error);
        }

        try
        {
            if (JsonSerializer.Deserialize(payload, typeInfo) is T value)
            {
                return new OcppReadResult<T>(value, null, tolerances);
            }

            return OcppReadResult<T>.Failure(OcppError.Create(OcppErrorCode.FormationViolation, $"payload is not a {typeInfo.Type.Name}"));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            // The validator accepted what the deserializer could not read: our bug, but the
            // peer still gets an answer and the connection survives.
            return OcppReadResult<T>.Failure(OcppError.Create(OcppErrorCode.FormationViolation, $"payload could not be deserialized: {exception.Message}"));
        }
    }

    private static string Describe(OcppRole role) => role == OcppRole.CentralSystem ? "central system" : "charge point";
}
