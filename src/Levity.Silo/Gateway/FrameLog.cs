using System.Text;
using Levity.Silo.Hosting;

namespace Levity.Silo.Gateway;

/// <summary>
/// One structured log line per OCPP frame in either direction (category Levity.Ocpp.Frames,
/// level set by --ocpp-log-level). The frame text is only materialized when the line is written.
/// </summary>
public sealed partial class FrameLog(ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger(LevityServer.FrameLogCategory);

    public bool IsEnabled => _logger.IsEnabled(LogLevel.Information);

    public void Received(string chargePointId, string messageType, string? action, string? messageId, ReadOnlySpan<byte> frame)
    {
        if (IsEnabled)
        {
            var text = Encoding.UTF8.GetString(frame);
            Log.Frame(_logger, "recv", chargePointId, messageType, action, messageId, text);
        }
    }

    public void Sent(string chargePointId, string messageType, string? action, string? messageId, ReadOnlySpan<byte> frame)
    {
        if (IsEnabled)
        {
            var text = Encoding.UTF8.GetString(frame);
            Log.Frame(_logger, "send", chargePointId, messageType, action, messageId, text);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "{Direction} {ChargePointId} {MessageType} {Action} {MessageId} {Frame}")]
        public static partial void Frame(ILogger logger, string direction, string chargePointId, string messageType, string? action, string? messageId, string frame);
    }
}
