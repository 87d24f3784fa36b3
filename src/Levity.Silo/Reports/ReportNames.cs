using Levity.Reports;

namespace Levity.Silo.Reports;

/// <summary>The user-facing names of report choices (--by, --format, ?by=).</summary>
internal static class ReportNames
{
    public static readonly string[] Groupings = ["household", "idtag", "chargepoint"];

    public static readonly string[] Formats = ["table", "csv", "json"];

    public static string Of(ReportGrouping by) => by switch
    {
        ReportGrouping.Household => "household",
        ReportGrouping.IdTag => "idtag",
        ReportGrouping.ChargePoint => "chargepoint",
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, null),
    };

    public static bool TryGrouping(string? name, out ReportGrouping by)
    {
        by = ReportGrouping.Household;
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or "household":
                return true;
            case "idtag":
                by = ReportGrouping.IdTag;
                return true;
            case "chargepoint":
                by = ReportGrouping.ChargePoint;
                return true;
            default:
                return false;
        }
    }
}
