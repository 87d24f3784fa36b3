using Microsoft.Extensions.Logging;

namespace Levity.Runtime.Observers;

internal static partial class ObserverManagerLog
{
    [LoggerMessage(7001, LogLevel.Debug, "Dropping observer {Observer}: a notification failed")]
    public static partial void NotificationFailed(ILogger logger, string? observer, Exception exception);

    [LoggerMessage(7002, LogLevel.Debug, "Dropping observer {Observer}: not renewed since {LastSeen}")]
    public static partial void Expired(ILogger logger, string? observer, DateTimeOffset lastSeen);

    [LoggerMessage(7003, LogLevel.Debug, "Dropping observer {Observer}: its reference was deleted")]
    public static partial void Deleted(ILogger logger, string? observer);
}
