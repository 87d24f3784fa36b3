using System.Text;
using System.Text.Json;

namespace Levity.Ocpp.Framing;

/// <summary>
/// Parses one OCPP-J frame (one WebSocket text message) in a single pass with Utf8JsonReader.
/// Never throws on input: bad input yields an <see cref="OcppFrameError"/> with the spec's code
/// and, where the frame got that far, the message type and id.
/// </summary>
/// <remarks>
/// Frame error mapping: more than <see cref="OcppParseOptions.MaxFrameBytes"/>, not a JSON
/// array, an unknown message type, a message id that is not a string or longer than
/// <see cref="OcppParseOptions.MaxMessageIdLength"/>, an action or error code that is not a
/// string, missing or extra elements, or JSON cut off before its end (a truncated frame):
/// ProtocolError. Bytes that are not JSON, or content after the frame's closing bracket, or a
/// payload that is not a JSON object: FormationViolation.
/// </remarks>
public static class OcppFrameParser
{
    /// <summary>Characters of a bad frame kept for the log.</summary>
    public const int ExcerptLength = 120;

    /// <summary>Of an oversized frame only this much is read, to recover the message id.</summary>
    public const int OversizedPrefixBytes = 512;

    public static OcppParseResult Parse(ReadOnlyMemory<byte> frame, OcppParseOptions? options = null)
    {
        options ??= OcppParseOptions.Default;
        if (frame.Length > options.MaxFrameBytes)
        {
            return ParseOversized(frame, frame.Length, options);
        }

        // Fast path: one pass with a final-block reader. Any JSON error sends the frame to the
        // slow path, a reader that can tell "cut off" (ProtocolError) from "not JSON"
        // (FormationViolation) and recover the message id; bad frames are rare.
        try
        {
            return new OcppFrameCursor(frame, options, isFinalBlock: true).Parse();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return Diagnose(frame, options);
        }
    }

    /// <summary>
    /// Refuses a message of <paramref name="length"/> bytes that exceeded the limit, of which only
    /// the <paramref name="head"/> was kept (see <see cref="OcppFrameAssembler"/>): ProtocolError,
    /// with the message id when the head holds it.
    /// </summary>
    public static OcppParseResult ParseOversized(ReadOnlyMemory<byte> head, long length, OcppParseOptions? options = null)
    {
        options ??= OcppParseOptions.Default;
        var cursor = new OcppFrameCursor(head[..Math.Min(head.Length, OversizedPrefixBytes)], options, isFinalBlock: false);
        cursor.TryRecoverHead();
        return cursor.Fail(OcppErrorCode.ProtocolError, $"frame is {length} bytes; the limit is {options.MaxFrameBytes}", head.Span);
    }

    private static OcppParseResult Diagnose(ReadOnlyMemory<byte> frame, OcppParseOptions options)
    {
        var cursor = new OcppFrameCursor(frame, options, isFinalBlock: false);
        try
        {
            return cursor.Parse();
        }
        catch (JsonException exception)
        {
            return cursor.Fail(OcppErrorCode.FormationViolation, $"frame is not valid JSON ({exception.Message})", frame.Span);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString on bytes that are not UTF-8.
            return cursor.Fail(OcppErrorCode.FormationViolation, "frame is not valid UTF-8", frame.Span);
        }
    }

    /// <summary>A printable, bounded excerpt of a frame for logs.</summary>
    public static string Excerpt(ReadOnlySpan<byte> frame)
    {
        var text = Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, ExcerptLength)]);
        var builder = new StringBuilder(text.Length + 3);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return frame.Length > ExcerptLength ? builder.Append("...").ToString() : builder.ToString();
    }
}
