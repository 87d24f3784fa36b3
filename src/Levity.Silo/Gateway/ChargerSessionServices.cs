using Levity.Grains.Plugins;
using Levity.Ocpp;
using Levity.Ocpp.Sessions;
using Levity.Silo.Audit;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Gateway;

/// <summary>What every charger session uses, resolved once: the grains, the protocol layer, logs, audit and After hooks.</summary>
public sealed class ChargerSessionServices(
    IGrainFactory grains,
    OcppSessionFactory protocols,
    PluginRegistry plugins,
    AfterHookWork afterHooks,
    FrameLog frames,
    IAuditSink audit,
    IOptions<GatewayOptions> options,
    IOptions<OcppProtocolOptions> protocol,
    TimeProvider time,
    ILogger<ChargerSession> logger)
{
    public IGrainFactory Grains => grains;

    public OcppSessionFactory Protocols => protocols;

    public PluginRegistry Plugins => plugins;

    public AfterHookWork AfterHooks => afterHooks;

    public FrameLog Frames => frames;

    public IAuditSink Audit => audit;

    public GatewayOptions Options { get; } = options.Value;

    /// <summary>Largest message held in memory (--max-frame-size); bytes beyond it are read and discarded.</summary>
    public int MaxFrameBytes { get; } = protocol.Value.MaxFrameBytes;

    public TimeProvider Time => time;

    public ILogger<ChargerSession> Logger => logger;
}
