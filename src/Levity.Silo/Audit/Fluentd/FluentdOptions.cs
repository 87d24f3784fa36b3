namespace Levity.Silo.Audit.Fluentd;

/// <summary>
/// The Fluentd audit sender's settings. Endpoint, tag prefix and acks come from the command line
/// (--fluentd-endpoint, --fluentd-tag, --fluentd-require-ack); the rest are fixed defaults that
/// tests and embedders may change.
/// </summary>
public sealed class FluentdOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 24224;

    /// <summary>First part of every tag: "ocpp" gives ocpp.boot, ocpp.meter, ...</summary>
    public string TagPrefix { get; set; } = "ocpp";

    /// <summary>Send a chunk id with every message and resend until Fluentd acknowledges it (at-least-once).</summary>
    public bool RequireAck { get; set; }

    /// <summary>Frame bytes the buffer holds while Fluentd is slow or away; the oldest records go first.</summary>
    public int BufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Records the buffer holds (connection events take no frame bytes, so they need their own bound).</summary>
    public int BufferRecords { get; set; } = 32 * 1024;

    /// <summary>Most records taken from the buffer into one batch (one PackedForward message per tag).</summary>
    public int MaxBatchRecords { get; set; } = 1000;

    /// <summary>A batch stops growing once its encoded records reach this size.</summary>
    public int MaxBatchBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The socket's send buffer. Fixed rather than auto-tuned (Linux grows it to 4 MiB), because
    /// what sits there when Fluentd stops reading is lost without acks and counted nowhere.
    /// </summary>
    public int SocketSendBufferBytes { get; set; } = 256 * 1024;

    /// <summary>The Python Levity's connection timeout.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A write Fluentd does not take within this time (it stopped reading) drops the connection.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for a chunk's ack before reconnecting and sending it again.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after the first failure; doubles with each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At shutdown, how long the sender keeps delivering what is buffered before giving up.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
