using System.Text;

namespace Levity.Silo.Reports;

/// <summary>
/// RFC 4180 CSV: CRLF between records; a field holding a comma, a quote, CR or LF is quoted
/// with its quotes doubled. Household labels are free text, so this is not optional.
/// </summary>
internal static class CsvWriter
{
    public static string Record(IEnumerable<string?> fields)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            first = false;
            line.Append(Field(field ?? string.Empty));
        }

        return line.Append("\r\n").ToString();
    }

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
