using System.Globalization;

namespace Levity.Storage.Sql;

/// <summary>
/// The two time formats of the Python database, kept so that its queries (which compare times as
/// strings) keep working: OCPP and activity times as ISO 8601 in UTC with microseconds
/// ('2026-11-21T11:41:37.907000+00:00'), row bookkeeping as SQLite's CURRENT_TIMESTAMP
/// ('2026-11-21 11:41:37'). Always UTC, always the same width, so string order is time order.
/// </summary>
internal static class SqlTime
{
    private const string IsoFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'+00:00'";
    private const string RowFormat = "yyyy'-'MM'-'dd' 'HH':'mm':'ss";

    public static string ToIso(DateTimeOffset value) =>
        value.UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture);

    public static string ToRowStamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(RowFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads either format (and other ISO variants older rows may hold); null if unreadable.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var value)
            ? value
            : null;
}
