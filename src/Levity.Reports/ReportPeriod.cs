namespace Levity.Reports;

/// <summary>
/// A half-open interval [From, To) in UTC, and the zone its dates were given in (used to print
/// times). Dates are local midnights in that zone, so a month in Berlin starts at 22:00 or 23:00 UTC.
/// </summary>
public sealed record ReportPeriod(DateTimeOffset From, DateTimeOffset To, TimeZoneInfo Zone)
{
    public static ReportPeriod Utc(DateTimeOffset from, DateTimeOffset to) => new(from.ToUniversalTime(), to.ToUniversalTime(), TimeZoneInfo.Utc);

    /// <summary>
    /// The instant a local wall-clock time names in <paramref name="zone"/>. A time skipped by a
    /// DST jump moves forward to the first time that exists; a time that occurs twice is the first.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    /// <summary>An instant as this period's zone shows it.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;
}
