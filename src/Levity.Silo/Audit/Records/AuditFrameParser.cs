using System.Text.Json;
using Levity.Ocpp.Actions;

namespace Levity.Silo.Audit.Records;

/// <summary>
/// Splits an OCPP-J frame into its elements for the audit record: [2, id, action, payload],
/// [3, id, payload] or [4, id, code, description, details] (details may be missing, a quirk the
/// protocol layer tolerates). Anything else is <see cref="AuditMessageType.Invalid"/>; never throws.
/// </summary>
internal static class AuditFrameParser
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = MessagePack.JsonToMessagePack.MaxDepth };

    public static AuditFrame Parse(ReadOnlySpan<byte> frame)
    {
        try
        {
            return ParseCore(frame);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: GetString on bytes that are not UTF-8.
            return AuditFrame.Invalid;
        }
    }

    private static AuditFrame ParseCore(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray
            || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var typeId)
            || typeId is < (int)AuditMessageType.Call or > (int)AuditMessageType.CallError
            || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return AuditFrame.Invalid;
        }

        var messageId = reader.GetString();
        var type = (AuditMessageType)typeId;
        AuditFrame parsed;
        switch (type)
        {
            case AuditMessageType.Call:
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return AuditFrame.Invalid;
                }

                string actionName;
                if (!reader.ValueIsEscaped && OcppActions.TryGet(reader.ValueSpan, out var known))
                {
                    actionName = known.Name;
                }
                else
                {
                    actionName = reader.GetString()!;
                    OcppActions.TryGet(actionName, out known);
                }

                parsed = AuditFrame.Invalid with { Type = type, MessageId = messageId, ActionName = actionName, Action = known, Payload = NextValue(ref reader) };
                break;
            case AuditMessageType.CallResult:
                parsed = AuditFrame.Invalid with { Type = type, MessageId = messageId, Payload = NextValue(ref reader) };
                break;
            default:
                var code = NextValue(ref reader);
                var description = NextValue(ref reader);
                Range? details = null;
                if (!reader.Read())
                {
                    return AuditFrame.Invalid;
                }

                if (reader.TokenType != JsonTokenType.EndArray)
                {
                    details = CurrentValue(ref reader);
                    if (!reader.Read())
                    {
                        return AuditFrame.Invalid;
                    }
                }

                if (reader.TokenType != JsonTokenType.EndArray)
                {
                    return AuditFrame.Invalid;
                }

                // Only whitespace may follow the array; the reader throws on anything else.
                return reader.Read()
                    ? AuditFrame.Invalid
                    : new AuditFrame(type, messageId, null, null, default, code, description, details);
        }

        return reader.Read() && reader.TokenType == JsonTokenType.EndArray && !reader.Read() ? parsed : AuditFrame.Invalid;
    }

    private static Range NextValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("frame ends early");
        }

        return CurrentValue(ref reader);
    }

    private static Range CurrentValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject or JsonTokenType.PropertyName)
        {
            throw new JsonException("missing frame element");
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)reader.BytesConsumed;
    }
}
