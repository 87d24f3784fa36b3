using Levity.Ocpp.Actions;

namespace Levity.Silo.Audit.Records;

/// <summary>
/// Where the parts of one OCPP-J frame are, as byte ranges of the frame's JSON (each range holds
/// exactly one JSON value, so it can be converted on its own).
/// </summary>
internal readonly record struct AuditFrame(
    AuditMessageType Type,
    string? MessageId,
    string? ActionName,
    OcppActionInfo? Action,
    Range Payload,
    Range ErrorCode,
    Range ErrorDescription,
    Range? ErrorDetails)
{
    public static AuditFrame Invalid { get; } = new(AuditMessageType.Invalid, null, null, null, default, default, default, null);
}
