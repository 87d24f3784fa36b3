namespace Levity.Silo.Configuration;

/// <summary>
/// Every setting of the server, bound from the "Levity" configuration section
/// (appsettings.json, then LEVITY_* environment variables, then command-line flags).
/// Defaults are the Python Levity's and live only here.
/// </summary>
public sealed class LevityOptions
{
    public const string SectionName = "Levity";

    /// <summary>Interface the WebSocket listener binds (0.0.0.0 = all IPv4, :: = all IPv6).</summary>
    public string Host { get; set; } = "0.0.0.0";

    /// <summary>WebSocket port; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 9000;

    /// <summary>SQLite database file.</summary>
    public string Db { get; set; } = "levity.db";

    /// <summary>Port of the Prometheus /metrics listener; metrics are off when unset.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>
    /// Most label sets (series) kept per Levity metric. OpenTelemetry's own default of 2,000 would
    /// fold the per-charger series of a site above ~1,000 chargers into one overflow series; each
    /// allowed series costs about 100 bytes per metric, reserved up front.
    /// </summary>
    public int MetricsMaxSeries { get; set; } = 2_000;

    public bool EnableAutoStart { get; set; }

    public string AutoStartIdTag { get; set; } = "anonymous";

    /// <summary>Seconds between a connector reporting Preparing and the RemoteStartTransaction.</summary>
    public double AutoStartDelay { get; set; } = 1.0;

    /// <summary>Fluentd forward endpoint as host:port; audit logging is off when unset.</summary>
    public string? FluentdEndpoint { get; set; }

    public string FluentdTag { get; set; } = "ocpp";

    public bool FluentdRequireAck { get; set; }

    /// <summary>DEBUG, INFO, WARNING, ERROR (the Python names) or a .NET LogLevel name.</summary>
    public string LogLevel { get; set; } = "INFO";

    /// <summary>Level of the one-line-per-frame OCPP log (category Levity.Ocpp.Frames).</summary>
    public string OcppLogLevel { get; set; } = "INFO";

    /// <summary>json (one JSON object per line, default) or text.</summary>
    public string LogFormat { get; set; } = "json";

    /// <summary>Heartbeat interval in seconds handed to chargers in BootNotification.conf.</summary>
    public int HeartbeatInterval { get; set; } = 60;

    /// <summary>
    /// Largest OCPP message in bytes. A StopTransaction with the transactionData of a long session
    /// runs to hundreds of KB; a message above the limit is refused (CALLERROR, or close 1009 when
    /// its id cannot be read) without being buffered.
    /// </summary>
    public int MaxFrameSize { get; set; } = 1024 * 1024;

    /// <summary>Seconds to wait for a charger's answer to a server-initiated call.</summary>
    public double ResponseTimeout { get; set; } = 30;

    public bool DisableWebsocketPing { get; set; }

    /// <summary>Port of the operator HTTP API; the API is off when unset.</summary>
    public int? ApiPort { get; set; }

    /// <summary>Address the operator API binds; beyond loopback a token is required.</summary>
    public string ApiHost { get; set; } = "127.0.0.1";

    /// <summary>Bearer token the operator API requires (always when bound beyond loopback).</summary>
    public string? ApiToken { get; set; }

    /// <summary>Reject every deviation from the OCPP schemas instead of tolerating harmless ones.</summary>
    public bool StrictValidation { get; set; }

    /// <summary>accept-all (unknown idTags Accepted, as the Python version) or known-tags (unknown idTags Invalid).</summary>
    public string Authorization { get; set; } = "accept-all";

    /// <summary>
    /// Loopback port of the Orleans silo's own endpoint (silo-to-silo traffic; a single silo opens
    /// it too). 0 picks a free port at start.
    /// </summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans cluster id: silos with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "levity";

    /// <summary>Orleans service id: stays the same across deployments of one site.</summary>
    public string ServiceId { get; set; } = "levity";

    /// <summary>open (unknown chargers are registered at first contact, profile 0) or known (refused with 404).</summary>
    public string ChargerRegistration { get; set; } = "open";

    /// <summary>Port of the wss (TLS) listener for security profiles 2 and 3; off when unset. Needs TlsCert and TlsKey.</summary>
    public int? TlsPort { get; set; }

    /// <summary>PEM file: the server certificate first, then its intermediates (served as the chain).</summary>
    public string? TlsCert { get; set; }

    /// <summary>PEM file with the server certificate's private key.</summary>
    public string? TlsKey { get; set; }

    /// <summary>PEM file with the CA certificate(s) that issue chargers' client certificates (security profile 3).</summary>
    public string? TlsClientCa { get; set; }

    /// <summary>Load management: minutes a charging car keeps its turn when not every car's minimum fits.</summary>
    public double LoadRotation { get; set; } = 15;

    /// <summary>Load management: minutes a limit above the safe share lasts in a charger without renewal.</summary>
    public double LoadLease { get; set; } = 10;

    /// <summary>Load management: amperes kept above the draw of a car that draws less than its share.</summary>
    public double LoadMargin { get; set; } = 2;

    /// <summary>Load management: amperes above its allocation a charger may draw before the overdraw clock starts.</summary>
    public double LoadOverdrawTolerance { get; set; } = 2;

    /// <summary>Load management: seconds of drawing above allocation plus tolerance before a charger is flagged.</summary>
    public double LoadOverdrawAfter { get; set; } = 120;
}
