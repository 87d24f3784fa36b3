namespace Levity.Silo.Configuration;

/// <summary>Accepts the Python version's level names as well as .NET's.</summary>
public static class LogLevelNames
{
    public const string Accepted = "DEBUG, INFO, WARNING, ERROR, CRITICAL (or Trace, Debug, Information, Warning, Error, Critical, None)";

    public static bool TryParse(string? value, out LogLevel level)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "TRACE": level = LogLevel.Trace; return true;
            case "DEBUG": level = LogLevel.Debug; return true;
            case "INFO" or "INFORMATION": level = LogLevel.Information; return true;
            case "WARN" or "WARNING": level = LogLevel.Warning; return true;
            case "ERROR": level = LogLevel.Error; return true;
            case "CRITICAL": level = LogLevel.Critical; return true;
            case "NONE": level = LogLevel.None; return true;
            default: level = LogLevel.None; return false;
        }
    }
}
