using System.Globalization;

namespace Levity.Silo.Configuration;

/// <summary>
/// The numeric settings and the form each expects, so a value that is not a number is refused
/// with a message naming the flag and the form, whether it came from a flag, a LEVITY_* variable
/// or appsettings.json (the binder's own message names a CLR type instead).
/// </summary>
public static class NumericSettings
{
    private const string Port = "a port number (0-65535)";

    private static readonly (string Flag, string Key, bool Whole, string Form)[] All =
    [
        ("--port", nameof(LevityOptions.Port), true, Port),
        ("--metrics-port", nameof(LevityOptions.MetricsPort), true, Port),
        ("--api-port", nameof(LevityOptions.ApiPort), true, Port),
        ("--silo-port", nameof(LevityOptions.SiloPort), true, Port),
        ("--tls-port", nameof(LevityOptions.TlsPort), true, Port),
        ("--metrics-max-series", nameof(LevityOptions.MetricsMaxSeries), true, "a whole number (100-1000000)"),
        ("--heartbeat-interval", nameof(LevityOptions.HeartbeatInterval), true, "a whole number of seconds (1-86400)"),
        ("--max-frame-size", nameof(LevityOptions.MaxFrameSize), true, "a whole number of bytes (1024-67108864)"),
        ("--auto-start-delay", nameof(LevityOptions.AutoStartDelay), false, "a number of seconds, such as 2.5"),
        ("--response-timeout", nameof(LevityOptions.ResponseTimeout), false, "a number of seconds, such as 30"),
        ("--load-rotation", nameof(LevityOptions.LoadRotation), false, "a number of minutes, such as 15"),
        ("--load-lease", nameof(LevityOptions.LoadLease), false, "a number of minutes, such as 10"),
        ("--load-margin", nameof(LevityOptions.LoadMargin), false, "a number of amperes, such as 2"),
        ("--load-overdraw-tolerance", nameof(LevityOptions.LoadOverdrawTolerance), false, "a number of amperes, such as 2"),
        ("--load-overdraw-after", nameof(LevityOptions.LoadOverdrawAfter), false, "a number of seconds, such as 120"),
    ];

    /// <summary>The form a numeric flag expects, or null for a flag that is not numeric.</summary>
    public static string? FormOf(string flag) => Array.Find(All, s => s.Flag == flag).Form;

    /// <summary>Null when <paramref name="text"/> is a valid value of <paramref name="flag"/>'s type, otherwise the one-line error.</summary>
    public static string? Check(string flag, string? text)
    {
        var setting = Array.Find(All, s => s.Flag == flag);
        if (setting.Flag is null || text is null || Parses(text, setting.Whole))
        {
            return null;
        }

        return $"{flag}: '{text}' is not {setting.Form}.";
    }

    /// <summary>The errors of every numeric setting in the Levity section, named by flag and by variable.</summary>
    public static IReadOnlyList<string> CheckAll(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(LevityOptions.SectionName);
        var errors = new List<string>();
        foreach (var (flag, key, whole, form) in All)
        {
            // An empty value leaves an int? unset, as the binder does.
            if (section[key] is { Length: > 0 } text && !Parses(text, whole))
            {
                errors.Add($"{flag} ({LevityEnvironmentVariablesSource.VariableFor(flag)}): '{text}' is not {form}.");
            }
        }

        return errors;
    }

    private static bool Parses(string text, bool whole) =>
        whole
            ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
