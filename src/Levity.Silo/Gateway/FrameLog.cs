using System.Text;
using System.Text.Json;
using Levity.Silo.Configuration;
using Levity.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Gateway;

/// <summary>
/// One structured log record per OCPP frame in either direction (category Levity.Ocpp.Frames,
/// event 200, level set by --ocpp-log-level), with the action a CALLRESULT or CALLERROR answers.
/// The frame is a property of the record once: in the JSON log it is not repeated inside the
/// message, in the text log (which has no properties) the message ends with it. The frame text is
/// only materialized when the record is written.
/// </summary>
public sealed class FrameLog(ILoggerFactory loggers, IOptions<LevityOptions> options)
{
    private static readonly EventId FrameEvent = new(200, "Frame");
    private readonly ILogger _logger = loggers.CreateLogger(LevityServer.FrameLogCategory);
    private readonly bool _frameInMessage = options.Value.LogFormat == "text";

    public bool IsEnabled => _logger.IsEnabled(LogLevel.Information);

    public void Received(string chargePointId, string messageType, string? action, string? messageId, ReadOnlySpan<byte> frame) =>
        Write("recv", chargePointId, messageType, action, messageId, frame);

    public void Sent(string chargePointId, string messageType, string? action, string? messageId, ReadOnlySpan<byte> frame) =>
        Write("send", chargePointId, messageType, action, messageId, frame);

    private void Write(string direction, string chargePointId, string messageType, string? action, string? messageId, ReadOnlySpan<byte> frame)
    {
        if (!IsEnabled)
        {
            return;
        }

        if (messageId is null && messageType == "CALL")
        {
            // A server-initiated CALL: its id and action are in the frame itself.
            (messageId, action) = CallHead(frame);
        }

        var entry = new FrameLogEntry(direction, chargePointId, messageType, action, messageId, Encoding.UTF8.GetString(frame), _frameInMessage);
        _logger.Log(LogLevel.Information, FrameEvent, entry, null, static (e, _) => e.ToString());
    }

    /// <summary>The message id and action of a CALL frame (<c>[2, "id", "Action", {...}]</c>).</summary>
    private static (string? MessageId, string? Action) CallHead(ReadOnlySpan<byte> frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                var id = reader.GetString();
                return (id, reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
            }
        }
        catch (JsonException)
        {
            // Levity wrote it; a frame it cannot read back is logged without them.
        }

        return (null, null);
    }
}
