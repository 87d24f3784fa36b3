using System.Text;
using System.Text.Json;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Serialization;
using Levity.Ocpp.Validation;

namespace Levity.Ocpp.Framing;

/// <summary>
/// One pass of <see cref="OcppFrameParser"/> over a frame: reads the OCPP-J array element by
/// element, remembering the message type and id as soon as they are known so that any later
/// failure can still name them.
/// </summary>
internal ref struct OcppFrameCursor(ReadOnlyMemory<byte> frame, OcppParseOptions options, bool isFinalBlock)
{
    // Ids this long are not echoed back: answering a flood with a flood helps no one.
    private const int MaxRecoverableIdLength = 255;

    private static readonly ReadOnlyMemory<byte> EmptyObject = "{}"u8.ToArray();

    private readonly ReadOnlyMemory<byte> _frame = frame;
    private Utf8JsonReader _reader = new(frame.Span, isFinalBlock, state: default);
    private OcppMessageTypeId? _type;
    private string? _messageId;

    // Why ReadPayload returned null.
    private OcppParseResult _failure;

    public OcppParseResult Parse()
    {
        var span = _frame.Span;
        if (!_reader.Read())
        {
            return span.Trim(" \t\r\n"u8).IsEmpty
                ? Fail(OcppErrorCode.ProtocolError, "frame is empty", span)
                : Incomplete();
        }

        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            return Fail(OcppErrorCode.ProtocolError, "not an OCPP-J frame: expected a JSON array", span);
        }

        var head = ReadHead();
        if (head is { } headFailure)
        {
            return headFailure;
        }

        var result = _type switch
        {
            OcppMessageTypeId.Call => ParseCall(),
            OcppMessageTypeId.CallResult => ParseCallResult(),
            _ => ParseCallError(),
        };
        if (!result.IsSuccess)
        {
            return result;
        }

        // The array has closed; only whitespace may follow.
        var rest = span[(int)_reader.BytesConsumed..];
        return rest.Trim(" \t\r\n"u8).IsEmpty
            ? result
            : Fail(OcppErrorCode.FormationViolation, "unexpected content after the frame", span);
    }

    /// <summary>Reads message type and id as far as they go, for an oversized frame's head.</summary>
    public void TryRecoverHead()
    {
        try
        {
            if (_reader.Read() && _reader.TokenType == JsonTokenType.StartArray)
            {
                ReadHead();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Whatever was recovered before the bad byte stands.
        }
    }

    public readonly OcppParseResult Fail(OcppErrorCode code, string description, ReadOnlySpan<byte> frame) =>
        OcppParseResult.Failure(new OcppFrameError(code, OcppError.Bound(description), _type, _messageId, OcppFrameParser.Excerpt(frame)));

    private readonly OcppParseResult Incomplete() =>
        Fail(OcppErrorCode.ProtocolError, "frame is incomplete (the JSON is cut off)", _frame.Span);

    private readonly OcppParseResult Shape(string description) => Fail(OcppErrorCode.ProtocolError, description, _frame.Span);

    /// <summary>Reads [typeId, messageId; returns a failure, or null to go on.</summary>
    private OcppParseResult? ReadHead()
    {
        if (!_reader.Read())
        {
            return Incomplete();
        }

        if (_reader.TokenType == JsonTokenType.EndArray)
        {
            return Shape("frame is an empty array");
        }

        int? typeId = _reader.TokenType == JsonTokenType.Number && _reader.TryGetInt32(out var number) ? number : null;
        if (!Skip())
        {
            return Incomplete();
        }

        if (typeId is >= 2 and <= 4)
        {
            _type = (OcppMessageTypeId)typeId.Value;
        }

        if (!_reader.Read())
        {
            return Incomplete();
        }

        if (_reader.TokenType != JsonTokenType.String)
        {
            return Shape(_reader.TokenType == JsonTokenType.EndArray ? "frame has no message id" : "message id must be a string");
        }

        var idLength = _reader.ValueSpan.Length;
        var id = idLength <= MaxRecoverableIdLength * 6 ? _reader.GetString()! : null;
        if (id is not null && id.Length <= MaxRecoverableIdLength && id.Length > 0)
        {
            _messageId = id;
        }

        if (_type is null)
        {
            return Shape(typeId is null ? "message type id must be the number 2, 3 or 4" : $"unknown message type id {typeId}");
        }

        if (id is null || id.Length > options.MaxMessageIdLength)
        {
            var length = id is null ? "too long" : $"{id.Length} characters long";
            return Shape($"message id is {length}; at most {options.MaxMessageIdLength} characters allowed");
        }

        return id.Length == 0 ? Shape("message id is empty") : null;
    }

    private OcppParseResult ParseCall()
    {
        if (!_reader.Read())
        {
            return Incomplete();
        }

        if (_reader.TokenType != JsonTokenType.String)
        {
            return Shape(_reader.TokenType == JsonTokenType.EndArray ? "CALL has no action" : "action must be a string");
        }

        Span<byte> buffer = stackalloc byte[64];
        var name = Utf8Strings.Unescaped(in _reader, buffer, out var fits);
        string action;
        OcppActionInfo? info = null;
        if (fits && OcppActions.TryGet(name, out info))
        {
            action = info.Name;
        }
        else
        {
            // Unknown: only named in the NotImplemented answer, so a bounded raw excerpt will do.
            var raw = _reader.ValueSpan;
            action = Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 64)]);
        }

        if (ReadPayload("CALL") is not { } payload)
        {
            return _failure;
        }

        return ExpectEnd("CALL", 4) ?? OcppParseResult.Success(new OcppCall(_messageId!, action, info, payload));
    }

    private OcppParseResult ParseCallResult()
    {
        if (ReadPayload("CALLRESULT") is not { } payload)
        {
            return _failure;
        }

        return ExpectEnd("CALLRESULT", 3) ?? OcppParseResult.Success(new OcppCallResult(_messageId!, payload));
    }

    private OcppParseResult ParseCallError()
    {
        if (!_reader.Read())
        {
            return Incomplete();
        }

        if (_reader.TokenType != JsonTokenType.String)
        {
            return Shape(_reader.TokenType == JsonTokenType.EndArray ? "CALLERROR has no error code" : "error code must be a string");
        }

        Span<byte> buffer = stackalloc byte[64];
        var codeBytes = Utf8Strings.Unescaped(in _reader, buffer, out var fits);
        var known = OcppErrorCodes.TryParse(fits ? codeBytes : default, out var code);
        var codeText = known && !_reader.ValueIsEscaped ? code.ToWireName() : Bounded(_reader.GetString()!);

        if (!_reader.Read())
        {
            return Incomplete();
        }

        if (_reader.TokenType != JsonTokenType.String)
        {
            return Shape(_reader.TokenType == JsonTokenType.EndArray ? "CALLERROR has no error description" : "error description must be a string");
        }

        var description = _reader.GetString()!;
        if (!_reader.Read())
        {
            return Incomplete();
        }

        var tolerances = OcppTolerance.None;
        ReadOnlyMemory<byte> details = EmptyObject;
        if (_reader.TokenType == JsonTokenType.EndArray)
        {
            // Some chargers omit errorDetails; its absence loses nothing.
            if (options.Mode == OcppValidationMode.Strict)
            {
                return Shape("CALLERROR has no error details");
            }

            tolerances = OcppTolerance.MissingErrorDetails;
            return OcppParseResult.Success(new OcppCallError(_messageId!, code, codeText, description, details), tolerances);
        }

        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            return Shape("error details must be a JSON object");
        }

        var start = (int)_reader.TokenStartIndex;
        if (!Skip())
        {
            return Incomplete();
        }

        details = _frame[start..(int)_reader.BytesConsumed];
        return ExpectEnd("CALLERROR", 5) ?? OcppParseResult.Success(new OcppCallError(_messageId!, code, codeText, description, details), tolerances);
    }

    /// <summary>Reads the payload object; on failure returns null and leaves the reason in <see cref="_failure"/>.</summary>
    private ReadOnlyMemory<byte>? ReadPayload(string frameKind)
    {
        if (!_reader.Read())
        {
            _failure = Incomplete();
            return null;
        }

        if (_reader.TokenType == JsonTokenType.EndArray)
        {
            _failure = Shape($"{frameKind} has no payload");
            return null;
        }

        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            _failure = Fail(OcppErrorCode.FormationViolation, $"payload: the {frameKind} payload must be a JSON object", _frame.Span);
            return null;
        }

        var start = (int)_reader.TokenStartIndex;
        if (!Skip())
        {
            _failure = Incomplete();
            return null;
        }

        return _frame[start..(int)_reader.BytesConsumed];
    }

    private OcppParseResult? ExpectEnd(string frameKind, int elements)
    {
        if (!_reader.Read())
        {
            return Incomplete();
        }

        return _reader.TokenType == JsonTokenType.EndArray ? null : Shape($"{frameKind} has more than {elements} elements");
    }

    /// <summary>Skips the current value; false when it is cut off (only a non-final reader can tell).</summary>
    private bool Skip()
    {
        if (isFinalBlock)
        {
            _reader.Skip();
            return true;
        }

        return _reader.TrySkip();
    }

    private static string Bounded(string text) => text.Length <= 64 ? text : text[..64];
}
