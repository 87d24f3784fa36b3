using System.Globalization;

namespace Levity.Silo.Reports;

/// <summary>How reports print numbers and times, the same in every format.</summary>
internal static class ReportText
{
    public static string Kwh(long wh) => (wh / 1000m).ToString("0.000", CultureInfo.InvariantCulture);

    public static decimal KwhValue(long wh) => wh / 1000m;

    public static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
