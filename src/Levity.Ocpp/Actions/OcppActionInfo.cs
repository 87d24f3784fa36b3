using System.Text;
using System.Text.Json.Serialization.Metadata;
using Levity.Ocpp.Validation;

namespace Levity.Ocpp.Actions;

/// <summary>
/// Everything about one action: its wire name, profile, who may send its CALL, its request and
/// response contracts with their source-generated JSON metadata, and the compiled official
/// schemas of both.
/// </summary>
public sealed class OcppActionInfo
{
    internal OcppActionInfo(
        OcppAction action,
        OcppProfile profile,
        OcppDirection direction,
        JsonTypeInfo requestTypeInfo,
        JsonTypeInfo responseTypeInfo,
        OcppSchema requestSchema,
        OcppSchema responseSchema)
    {
        Action = action;
        Name = action.ToString();
        Utf8Name = Encoding.UTF8.GetBytes(Name);
        Profile = profile;
        Direction = direction;
        RequestTypeInfo = requestTypeInfo;
        ResponseTypeInfo = responseTypeInfo;
        RequestSchema = requestSchema;
        ResponseSchema = responseSchema;
    }

    public OcppAction Action { get; }

    /// <summary>The action name on the wire, e.g. "MeterValues".</summary>
    public string Name { get; }

    internal byte[] Utf8Name { get; }

    public OcppProfile Profile { get; }

    public OcppDirection Direction { get; }

    public Type RequestType => RequestTypeInfo.Type;

    public Type ResponseType => ResponseTypeInfo.Type;

    public JsonTypeInfo RequestTypeInfo { get; }

    public JsonTypeInfo ResponseTypeInfo { get; }

    /// <summary>The compiled <c>{Action}.json</c> schema.</summary>
    public OcppSchema RequestSchema { get; }

    /// <summary>The compiled <c>{Action}Response.json</c> schema.</summary>
    public OcppSchema ResponseSchema { get; }

    /// <summary>Whether <paramref name="role"/> may send a CALL of this action.</summary>
    public bool CanBeSentBy(OcppRole role) =>
        Direction.HasFlag(role == OcppRole.ChargePoint ? OcppDirection.ChargePointToCentralSystem : OcppDirection.CentralSystemToChargePoint);

    public override string ToString() => Name;
}
