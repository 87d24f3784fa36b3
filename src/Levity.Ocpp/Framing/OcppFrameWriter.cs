using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Messages;

namespace Levity.Ocpp.Framing;

/// <summary>
/// Writes OCPP-J frames into an <see cref="IBufferWriter{T}"/>: typed payloads through the
/// source-generated metadata, raw payloads verbatim. Strings are escaped minimally (quotes,
/// backslashes, control characters), since charger firmware does not always decode \u escapes.
/// </summary>
public static class OcppFrameWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    // One writer per thread, re-targeted per frame: no allocation per message.
    [ThreadStatic]
    private static Utf8JsonWriter? _cachedWriter;

    /// <summary><c>[2, messageId, action, request]</c>.</summary>
    public static void WriteCall(IBufferWriter<byte> output, string messageId, IOcppRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = OcppActions.Get(request.Action);
        var writer = Start(output, OcppMessageTypeId.Call, messageId);
        writer.WriteStringValue(action.Name);
        JsonSerializer.Serialize(writer, request, action.RequestTypeInfo);
        Finish(writer);
    }

    /// <summary><c>[2, messageId, action, payload]</c> with a raw JSON object as payload.</summary>
    public static void WriteCall(IBufferWriter<byte> output, string messageId, string action, ReadOnlySpan<byte> payloadJson)
    {
        ArgumentNullException.ThrowIfNull(action);
        var writer = Start(output, OcppMessageTypeId.Call, messageId);
        writer.WriteStringValue(action);
        writer.WriteRawValue(payloadJson);
        Finish(writer);
    }

    /// <summary><c>[3, messageId, response]</c>.</summary>
    public static void WriteCallResult(IBufferWriter<byte> output, string messageId, IOcppResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var writer = Start(output, OcppMessageTypeId.CallResult, messageId);
        JsonSerializer.Serialize(writer, response, OcppActions.Get(response.Action).ResponseTypeInfo);
        Finish(writer);
    }

    /// <summary><c>[3, messageId, response]</c>, without the catalogue lookup.</summary>
    public static void WriteCallResult<T>(IBufferWriter<byte> output, string messageId, T response, JsonTypeInfo<T> typeInfo)
        where T : IOcppResponse
    {
        var writer = Start(output, OcppMessageTypeId.CallResult, messageId);
        JsonSerializer.Serialize(writer, response, typeInfo);
        Finish(writer);
    }

    /// <summary><c>[3, messageId, payload]</c> with a raw JSON object as payload.</summary>
    public static void WriteCallResult(IBufferWriter<byte> output, string messageId, ReadOnlySpan<byte> payloadJson)
    {
        var writer = Start(output, OcppMessageTypeId.CallResult, messageId);
        writer.WriteRawValue(payloadJson);
        Finish(writer);
    }

    /// <summary><c>[4, messageId, errorCode, errorDescription, errorDetails]</c>; details default to <c>{}</c>.</summary>
    public static void WriteCallError(IBufferWriter<byte> output, string messageId, OcppErrorCode code, string description, ReadOnlySpan<byte> detailsJson = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        var writer = Start(output, OcppMessageTypeId.CallError, messageId);
        writer.WriteStringValue(code.ToUtf8WireName());
        writer.WriteStringValue(OcppError.Bound(description));
        if (detailsJson.IsEmpty)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteRawValue(detailsJson);
        }

        Finish(writer);
    }

    /// <inheritdoc cref="WriteCallError(IBufferWriter{byte}, string, OcppErrorCode, string, ReadOnlySpan{byte})"/>
    public static void WriteCallError(IBufferWriter<byte> output, string messageId, OcppError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        WriteCallError(output, messageId, error.Code, error.Description);
    }

    private static Utf8JsonWriter Start(IBufferWriter<byte> output, OcppMessageTypeId type, string messageId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(messageId);
        var writer = _cachedWriter;
        if (writer is null)
        {
            writer = _cachedWriter = new Utf8JsonWriter(output, WriterOptions);
        }
        else
        {
            writer.Reset(output);
        }

        writer.WriteStartArray();
        writer.WriteNumberValue((int)type);
        writer.WriteStringValue(messageId);
        return writer;
    }

    private static void Finish(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.Flush();
        // Drop the reference to the caller's buffer writer until the next frame.
        writer.Reset(NullBufferWriter.Instance);
    }

    /// <summary>Placeholder target so the cached writer does not keep a caller's buffer alive.</summary>
    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count) => throw new InvalidOperationException();

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException();

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException();
    }
}
