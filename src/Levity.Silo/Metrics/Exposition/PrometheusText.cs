using System.Globalization;
using System.Text;

namespace Levity.Silo.Metrics.Exposition;

/// <summary>
/// The lexical rules of the Prometheus text format 0.0.4: names, escaping and numbers.
/// See https://prometheus.io/docs/instrumenting/exposition_formats/.
/// </summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// A metric name as Prometheus accepts it ([a-zA-Z_:][a-zA-Z0-9_:]*). Names that are already
    /// valid come back unchanged (the dashboards depend on exact names); anything else, such as
    /// the runtime's dotted names, has each invalid character replaced by '_'.
    /// </summary>
    public static string MetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>A label name ([a-zA-Z_][a-zA-Z0-9_]*), sanitized the same way.</summary>
    public static string LabelName(string name) => Sanitize(name, allowColon: false);

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static void AppendLabelValue(StringBuilder output, string value)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => output.Append(@"\\"),
                '"' => output.Append("\\\""),
                '\n' => output.Append(@"\n"),
                _ => output.Append(c),
            };
        }
    }

    /// <summary>HELP text escapes backslash and line feed (a quote stays as it is).</summary>
    public static void AppendHelp(StringBuilder output, string help)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(help);
        foreach (var c in help)
        {
            _ = c switch
            {
                '\\' => output.Append(@"\\"),
                '\n' => output.Append(@"\n"),
                _ => output.Append(c),
            };
        }
    }

    /// <summary>A sample value: NaN, +Inf and -Inf by name, everything else round-trippable and culture-free.</summary>
    public static void AppendValue(StringBuilder output, double value)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (double.IsNaN(value))
        {
            output.Append("NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            output.Append("+Inf");
        }
        else if (double.IsNegativeInfinity(value))
        {
            output.Append("-Inf");
        }
        else
        {
            output.Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    public static void AppendValue(StringBuilder output, long value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    private static string Sanitize(string name, bool allowColon)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "_";
        }

        if (IsValid(name, allowColon))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!IsValidChar(chars[i], first: i == 0, allowColon))
            {
                chars[i] = '_';
            }
        }

        var sanitized = new string(chars);
        return char.IsAsciiDigit(name[0]) ? "_" + name[0] + sanitized[1..] : sanitized;
    }

    private static bool IsValid(string name, bool allowColon)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (!IsValidChar(name[i], first: i == 0, allowColon))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidChar(char c, bool first, bool allowColon) =>
        char.IsAsciiLetter(c) || c == '_' || (allowColon && c == ':') || (!first && char.IsAsciiDigit(c));
}
