using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Levity.Silo.Configuration;

namespace Levity.Silo.Cli;

/// <summary>
/// The server's flags (the Python Levity's names). Each maps to a LevityOptions property of the
/// same name; a flag that is given overrides appsettings.json and LEVITY_* variables.
/// </summary>
public sealed class ServerFlags
{
    private readonly List<(Option Option, string Key)> _all = [];

    public ServerFlags()
    {
        var d = new LevityOptions();
        Add<string>("--host", nameof(LevityOptions.Host), $"WebSocket listen address (default: {d.Host})");
        Add<int>("--port", nameof(LevityOptions.Port), $"WebSocket port (default: {d.Port})");
        Add<string>("--db", nameof(LevityOptions.Db), $"SQLite database path (default: {d.Db})");
        Add<int>("--metrics-port", nameof(LevityOptions.MetricsPort), "Prometheus metrics port (enables /metrics; off by default)");
        Add<int>("--metrics-max-series", nameof(LevityOptions.MetricsMaxSeries), $"Most series per Levity metric; raise it above ~1,000 chargers (default: {d.MetricsMaxSeries})");
        Add<bool>("--enable-auto-start", nameof(LevityOptions.EnableAutoStart), "Send RemoteStartTransaction when a cable is plugged in (connector Preparing)");
        Add<string>("--auto-start-id-tag", nameof(LevityOptions.AutoStartIdTag), $"idTag used by auto start (default: {d.AutoStartIdTag})");
        Add<double>("--auto-start-delay", nameof(LevityOptions.AutoStartDelay), $"Seconds to wait before auto start (default: {d.AutoStartDelay.ToString("0.0", CultureInfo.InvariantCulture)})");
        Add<string>("--fluentd-endpoint", nameof(LevityOptions.FluentdEndpoint), "Fluentd forward endpoint host:port for the audit log (off by default)");
        Add<string>("--fluentd-tag", nameof(LevityOptions.FluentdTag), $"Fluentd tag prefix (default: {d.FluentdTag})");
        Add<bool>("--fluentd-require-ack", nameof(LevityOptions.FluentdRequireAck), "Ask Fluentd to acknowledge every chunk (at-least-once delivery)");
        Add<string>("--log-level", nameof(LevityOptions.LogLevel), $"DEBUG, INFO, WARNING, ERROR (default: {d.LogLevel})");
        Add<string>("--ocpp-log-level", nameof(LevityOptions.OcppLogLevel), $"Level of the per-frame OCPP log (default: {d.OcppLogLevel})");
        Add<string>("--log-format", nameof(LevityOptions.LogFormat), $"json or text (default: {d.LogFormat})");
        Add<int>("--heartbeat-interval", nameof(LevityOptions.HeartbeatInterval), $"Heartbeat interval in seconds sent to chargers (default: {d.HeartbeatInterval})");
        Add<int>("--max-frame-size", nameof(LevityOptions.MaxFrameSize), $"Largest OCPP message in bytes; larger ones are refused unbuffered (default: {d.MaxFrameSize})");
        Add<double>("--response-timeout", nameof(LevityOptions.ResponseTimeout), $"Seconds to wait for a charger's answer (default: {d.ResponseTimeout})");
        Add<bool>("--disable-websocket-ping", nameof(LevityOptions.DisableWebsocketPing), "Do not send WebSocket pings (sent every 20 s otherwise)");
        Add<int>("--api-port", nameof(LevityOptions.ApiPort), "Operator HTTP API port (off by default)");
        Add<string>("--api-host", nameof(LevityOptions.ApiHost), $"Operator API listen address (default: {d.ApiHost}; beyond loopback --api-token is required)");
        Add<string>("--api-token", nameof(LevityOptions.ApiToken), "Bearer token the operator API requires");
        Add<bool>("--strict-validation", nameof(LevityOptions.StrictValidation), "Reject any deviation from the OCPP 1.6 schemas instead of tolerating harmless ones");
        Add<int>("--silo-port", nameof(LevityOptions.SiloPort), $"Loopback port of the Orleans silo endpoint; 0 picks a free one (default: {d.SiloPort})");
        Add<string>("--cluster-id", nameof(LevityOptions.ClusterId), $"Orleans cluster id (default: {d.ClusterId})");
        Add<string>("--service-id", nameof(LevityOptions.ServiceId), $"Orleans service id (default: {d.ServiceId})");
        Add<double>("--load-rotation", nameof(LevityOptions.LoadRotation), $"Load management: minutes a charging car keeps its turn when not every car's minimum fits (default: {d.LoadRotation})");
        Add<double>("--load-lease", nameof(LevityOptions.LoadLease), $"Load management: minutes a limit above the safe share holds without renewal (default: {d.LoadLease})");
        Add<double>("--load-margin", nameof(LevityOptions.LoadMargin), $"Load management: amperes kept above the draw of a car drawing less than its share (default: {d.LoadMargin})");
        Add<double>("--load-overdraw-tolerance", nameof(LevityOptions.LoadOverdrawTolerance), $"Load management: amperes above its allocation a charger may draw (default: {d.LoadOverdrawTolerance})");
        Add<double>("--load-overdraw-after", nameof(LevityOptions.LoadOverdrawAfter), $"Load management: seconds above allocation plus tolerance before a charger is flagged (default: {d.LoadOverdrawAfter})");
        Add<string>("--authorization", nameof(LevityOptions.Authorization), $"accept-all (unknown idTags Accepted) or known-tags (unknown idTags Invalid); tags in the id-tag table answer their status in both (default: {d.Authorization})");
        Add<string>("--charger-registration", nameof(LevityOptions.ChargerRegistration), $"open (unknown chargers are registered at first contact, security profile 0) or known (unknown chargers are refused with HTTP 404) (default: {d.ChargerRegistration})");
        Add<int>("--tls-port", nameof(LevityOptions.TlsPort), "wss (TLS) port for chargers at security profile 2 and 3 (off by default; needs --tls-cert and --tls-key)");
        Add<string>("--tls-cert", nameof(LevityOptions.TlsCert), "PEM file: server certificate, then its intermediates (served to chargers as the full chain)");
        Add<string>("--tls-key", nameof(LevityOptions.TlsKey), "PEM file with the server certificate's private key");
        Add<string>("--tls-client-ca", nameof(LevityOptions.TlsClientCa), "PEM file with the CA that issues chargers' client certificates (security profile 3)");
    }

    public IEnumerable<Option> Options => _all.Select(f => f.Option);

    /// <summary>The flags actually given, as configuration keys of the Levity section.</summary>
    public Dictionary<string, string?> ToConfiguration(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (option, key) in _all)
        {
            var given = result.GetResult(option);
            if (given is null || given.Implicit)
            {
                continue;
            }

            var value = given.GetValueOrDefault<object?>();
            values[$"{LevityOptions.SectionName}:{key}"] = Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        return values;
    }

    private void Add<T>(string name, string key, string description)
    {
        var option = new Option<T>(name)
        {
            Description = $"{description} [env: {LevityEnvironmentVariablesSource.VariableFor(name)}]",
        };
        if (NumericSettings.FormOf(name) is not null)
        {
            // System.CommandLine's own message names the CLR type ("'abc' ... 'System.Int32'").
            option.CustomParser = result => ParseNumber<T>(name, result);
        }

        _all.Add((option, key));
    }

    private static T ParseNumber<T>(string name, ArgumentResult result)
    {
        var text = string.Join(' ', result.Tokens.Select(t => t.Value));
        if (typeof(T) == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return (T)(object)whole;
        }

        if (typeof(T) == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return (T)(object)number;
        }

        result.AddError(NumericSettings.Check(name, text) ?? $"{name}: '{text}' is not a number.");
        return default!;
    }
}
