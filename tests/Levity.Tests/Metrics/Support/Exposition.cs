using System.Globalization;

namespace Levity.Tests.Metrics.Support;

/// <summary>Reads samples back out of a scraped page.</summary>
internal static class Exposition
{
    /// <summary>The value of the sample written exactly as <paramref name="series"/> (name plus labels); fails the test when absent.</summary>
    public static double Sample(string page, string series)
    {
        var line = Assert.Single(page.Split('\n'), l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return double.Parse(line[(series.Length + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static string? Type(string page, string family) =>
        page.Split('\n').FirstOrDefault(l => l.StartsWith($"# TYPE {family} ", StringComparison.Ordinal))?[($"# TYPE {family} ".Length)..];
}
