namespace Levity.Silo.Audit.Records;

/// <summary>The OCPP-J message type of an audited frame; <see cref="Invalid"/> for frames that are not well-formed.</summary>
internal enum AuditMessageType
{
    Invalid = 0,
    Call = 2,
    CallResult = 3,
    CallError = 4,
}
