using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Levity.Reports;

/// <summary>
/// Turns the user's --from/--to/--tz (or the API's from/to/tz) into a <see cref="ReportPeriod"/>.
/// A date (2026-10-01) or a time without offset (2026-10-01T06:00) is wall-clock time in the
/// zone; a time with an offset or Z is that instant.
/// </summary>
public static class ReportPeriodParser
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];
    private static readonly string[] InstantFormats = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    /// <summary>A problem with one input: which one (from, to, tz) and what is wrong.</summary>
    public sealed record Problem(string Field, string Message);

    public static bool TryParse(
        string? from,
        string? to,
        string? timeZone,
        [NotNullWhen(true)] out ReportPeriod? period,
        [NotNullWhen(false)] out Problem? problem)
    {
        period = null;
        problem = null;
        TimeZoneInfo zone;
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            zone = TimeZoneInfo.Utc;
        }
        else if (!TryFindZone(timeZone, out zone))
        {
            problem = new Problem("tz", $"unknown time zone '{timeZone}': give an IANA id such as Europe/Berlin (needs the system's tzdata)");
            return false;
        }

        if (!TryParseInstant(from, zone, out var start))
        {
            problem = new Problem("from", $"'{from}' is not a date (yyyy-MM-dd) or time (yyyy-MM-ddTHH:mm[:ss][Z|+hh:mm])");
            return false;
        }

        if (!TryParseInstant(to, zone, out var end))
        {
            problem = new Problem("to", $"'{to}' is not a date (yyyy-MM-dd) or time (yyyy-MM-ddTHH:mm[:ss][Z|+hh:mm])");
            return false;
        }

        if (start >= end)
        {
            problem = new Problem("to", $"the period is empty: from ({from}) must be before to ({to})");
            return false;
        }

        period = new ReportPeriod(start, end, zone);
        return true;
    }

    private static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    private static bool TryParseInstant(string? text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = ReportPeriod.ToInstant(local, zone);
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
        {
            instant = exact.ToUniversalTime();
            return true;
        }

        return false;
    }
}
