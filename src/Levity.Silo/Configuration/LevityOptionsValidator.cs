using System.Globalization;
using System.Net;
using Levity.Grains.Authorization;

namespace Levity.Silo.Configuration;

/// <summary>Checks settings as a whole, whichever source they came from, with messages that name the flag.</summary>
public static class LevityOptionsValidator
{
    public static IReadOnlyList<string> Validate(LevityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Host) || !IsHostName(options.Host))
        {
            errors.Add($"--host: '{options.Host}' is not an IP address or host name.");
        }

        CheckPort(errors, "--port", options.Port);
        if (options.MetricsPort is { } metricsPort)
        {
            CheckPort(errors, "--metrics-port", metricsPort);
            if (metricsPort != 0 && metricsPort == options.Port)
            {
                errors.Add("--metrics-port: must differ from --port.");
            }
        }

        if (options.ApiPort is { } apiPort)
        {
            CheckPort(errors, "--api-port", apiPort);
            if (apiPort != 0 && (apiPort == options.Port || apiPort == options.MetricsPort))
            {
                errors.Add("--api-port: must differ from --port and --metrics-port.");
            }

            if (!IsHostName(options.ApiHost))
            {
                errors.Add($"--api-host: '{options.ApiHost}' is not an IP address or host name.");
            }
            else if (!IsLoopback(options.ApiHost) && string.IsNullOrEmpty(options.ApiToken))
            {
                errors.Add($"--api-host: the operator API on {options.ApiHost} is reachable from the network; set --api-token (or LEVITY_API_TOKEN).");
            }
        }

        if (options.MaxFrameSize is < 1024 or > 64 * 1024 * 1024)
        {
            errors.Add($"--max-frame-size: '{options.MaxFrameSize}' must be a number of bytes from 1024 to 67108864 (64 MiB).");
        }

        CheckPort(errors, "--silo-port", options.SiloPort);
        if (options.SiloPort != 0 && (options.SiloPort == options.Port || options.SiloPort == options.MetricsPort || options.SiloPort == options.ApiPort))
        {
            errors.Add("--silo-port: must differ from --port, --metrics-port and --api-port.");
        }

        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            errors.Add("--cluster-id: must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            errors.Add("--service-id: must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Db))
        {
            errors.Add("--db: a database file path is required.");
        }
        else if (Path.GetDirectoryName(Path.GetFullPath(options.Db)) is { Length: > 0 } folder && !Directory.Exists(folder))
        {
            // Never a new, empty database in place of the real one (an SSD that is not mounted).
            errors.Add($"--db: the folder '{folder}' does not exist (is its disk mounted?); create it first.");
        }

        if (string.IsNullOrWhiteSpace(options.AutoStartIdTag) || options.AutoStartIdTag.Length > 20)
        {
            errors.Add("--auto-start-id-tag: must be 1 to 20 characters (OCPP IdToken).");
        }

        if (!double.IsFinite(options.AutoStartDelay) || options.AutoStartDelay < 0)
        {
            errors.Add($"--auto-start-delay: '{options.AutoStartDelay}' must be a number of seconds >= 0.");
        }

        if (options.FluentdEndpoint is not null && !HostPort.TryParse(options.FluentdEndpoint, out _))
        {
            errors.Add($"--fluentd-endpoint: '{options.FluentdEndpoint}' must be host:port (port 1-65535).");
        }

        if (string.IsNullOrWhiteSpace(options.FluentdTag))
        {
            errors.Add("--fluentd-tag: must not be empty.");
        }

        if (!LogLevelNames.TryParse(options.LogLevel, out _))
        {
            errors.Add($"--log-level: '{options.LogLevel}' is not one of {LogLevelNames.Accepted}.");
        }

        if (!LogLevelNames.TryParse(options.OcppLogLevel, out _))
        {
            errors.Add($"--ocpp-log-level: '{options.OcppLogLevel}' is not one of {LogLevelNames.Accepted}.");
        }

        if (options.LogFormat is not ("json" or "text"))
        {
            errors.Add($"--log-format: '{options.LogFormat}' must be json or text.");
        }

        if (options.MetricsMaxSeries is < 100 or > 1_000_000)
        {
            errors.Add($"--metrics-max-series: '{options.MetricsMaxSeries}' must be 100 to 1000000.");
        }

        if (options.HeartbeatInterval is < 1 or > 86_400)
        {
            errors.Add($"--heartbeat-interval: '{options.HeartbeatInterval}' must be 1 to 86400 seconds.");
        }

        if (!double.IsFinite(options.ResponseTimeout) || options.ResponseTimeout <= 0 || options.ResponseTimeout > 3600)
        {
            errors.Add($"--response-timeout: '{options.ResponseTimeout}' must be more than 0 and at most 3600 seconds.");
        }

        foreach (var (flag, value, low, high) in new[]
        {
            ("--load-rotation", options.LoadRotation, 1.0, 1440.0),
            ("--load-lease", options.LoadLease, 1.0, 1440.0),
            ("--load-margin", options.LoadMargin, 0.0, 32.0),
            ("--load-overdraw-tolerance", options.LoadOverdrawTolerance, 0.0, 32.0),
            ("--load-overdraw-after", options.LoadOverdrawAfter, 10.0, 86_400.0),
        })
        {
            if (!double.IsFinite(value) || value < low || value > high)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{flag}: '{value}' must be {low} to {high}."));
            }
        }

        if (!AuthorizationModes.TryParse(options.Authorization, out _))
        {
            errors.Add($"--authorization: '{options.Authorization}' must be {AuthorizationModes.AcceptAll} or {AuthorizationModes.KnownTags}.");
        }

        ChargerSecurityValidator.Validate(options, errors);
        return errors;
    }

    private static void CheckPort(List<string> errors, string flag, int port)
    {
        if (port is < 0 or > 65535)
        {
            errors.Add($"{flag}: '{port}' is not a port number (0-65535).");
        }
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static bool IsHostName(string host) =>
        IPAddress.TryParse(host, out _) || Uri.CheckHostName(host) is UriHostNameType.Dns;
}
