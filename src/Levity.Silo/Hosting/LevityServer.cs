using Levity.Grains.Authorization;
using Levity.Grains.Plugins;
using Levity.Grains.Plugins.BuiltIn;
using Levity.Ocpp;
using Levity.Ocpp.Sessions;
using Levity.Silo.Api;
using Levity.Silo.Audit;
using Levity.Silo.Cli;
using Levity.Silo.Configuration;
using Levity.Silo.Gateway;
using Levity.Silo.Metrics;
using Levity.Silo.Metrics.Endpoints;
using Levity.Silo.Security;
using Levity.Storage;
using Levity.Storage.Files;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Hosting;

/// <summary>Builds and runs the server: Kestrel listeners, logging, services, endpoints.</summary>
public static partial class LevityServer
{
    /// <summary>How long SIGTERM waits for in-flight messages and the store flush.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Checks the listeners, opens the database, then starts everything else: a port in use or a
    /// database refused is one line on stderr and an exit code (<see cref="LevityCli"/>), with
    /// nothing started and, for a port, the database not even opened.
    /// </summary>
    public static async Task<int> RunAsync(LevityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = Console.Error;
        if (ListenerCheck.FindProblem(options) is { } listenProblem)
        {
            await error.WriteLineAsync($"levity: {listenProblem}".AsMemory(), cancellationToken);
            return LevityCli.ExitListen;
        }

        await using var app = Build(options);
        try
        {
            app.Services.GetRequiredService<LevityStore>().Open(cancellationToken);
        }
        catch (DatabaseOpenException e)
        {
            await error.WriteLineAsync($"levity: {e.Message}".AsMemory(), cancellationToken);
            return LevityCli.ExitDatabase;
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Taken between the check above and Kestrel's bind.
            await error.WriteLineAsync($"levity: {e.Message}".AsMemory(), CancellationToken.None);
            return LevityCli.ExitListen;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The host has logged it in full; the terminal gets the one line.
            await error.WriteLineAsync($"levity: failed to start: {e.Message.ReplaceLineEndings(" ")}".AsMemory(), CancellationToken.None);
            return LevityCli.ExitFailure;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LevityServer));
        if (logger.IsEnabled(LogLevel.Information))
        {
            var addresses = string.Join(", ", BoundAddresses(app));
            Log.Listening(logger, addresses);
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>Builds the application without starting it; tests use port 0 and read <see cref="BoundAddresses"/>.</summary>
    public static WebApplication Build(LevityOptions options, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // No reload-on-change: its watcher sits on the content root, usually the database's own
        // directory, and woke up for every WAL write (profiled: an eighth of the CPU under load).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        // Under systemd (Type=notify): READY=1 once listening, STOPPING=1 on SIGTERM. Before the logging setup, which keeps --log-format.
        builder.Services.AddSystemd();
        ConfigureLogging(builder.Logging, options);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = ShutdownTimeout);
        var metricsListener = options.MetricsPort is null ? null : new DedicatedListener();
        var apiListener = new DedicatedListener();
        var tls = options.TlsPort is null ? null : ChargerTls.Load(options.TlsCert!, options.TlsKey!);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            Listen(kestrel, options.Host, options.Port);
            if (tls is not null)
            {
                Listen(kestrel, options.Host, options.TlsPort!.Value, l => tls.Apply(l, requestClientCertificate: options.TlsClientCa is not null));
            }

            if (metricsListener is not null)
            {
                Listen(kestrel, options.Host, options.MetricsPort!.Value, metricsListener.Add);
            }

            if (options.ApiPort is { } apiPort)
            {
                Listen(kestrel, options.ApiHost, apiPort, apiListener.Add);
            }
        });
        if (metricsListener is not null)
        {
            // Before the central system: the MeterProvider then outlives every instrument's owner.
            builder.Services.AddLevityMetrics(metricsListener, metrics => metrics.MaxSeriesPerMetric = options.MetricsMaxSeries);
        }

        AddCentralSystem(builder.Services, options);
        if (options.ApiPort is not null)
        {
            builder.Services.AddOpenApi(document => ApiDocument.Configure(document, options));
        }

        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseWebSockets();
        app.MapGateway();
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        if (metricsListener is not null)
        {
            app.MapMetricsEndpoints();
        }

        OperatorApi.Map(app, options, apiListener);
        return app;
    }

    /// <summary>
    /// The audit first, then the store, the Orleans silo and the gateway: hosted services stop in
    /// reverse order, so sessions drain before the silo stops, the store flushes after the last
    /// answer, and the audit flushes last (with every disconnect record) without delaying the store.
    /// </summary>
    private static void AddCentralSystem(IServiceCollection services, LevityOptions options)
    {
        services.AddAudit(options);
        services.AddLevityStore(store => store.DatabasePath = options.Db);
        services.AddOrleans(silo => SiloConfiguration.Configure(silo, options));
        services.Configure<AuthorizationOptions>(a => a.Mode = AuthorizationModes.TryParse(options.Authorization, out var mode) ? mode : AuthorizationMode.AcceptAll);
        AddBuiltInPlugins(services, options);
        services.AddOcppProtocol();
        services.Configure<OcppProtocolOptions>(ocpp =>
        {
            ocpp.StrictValidation = options.StrictValidation;
            ocpp.ResponseTimeout = TimeSpan.FromSeconds(options.ResponseTimeout);
            ocpp.MaxFrameBytes = options.MaxFrameSize;
        });
        services.AddSingleton<FrameLog>();
        services.AddGateway(options);
        services.AddChargerSecurity(options);
    }

    /// <summary>The Python version's plugins, switched on by its flags (orphaned transactions are the grain's own work).</summary>
    private static void AddBuiltInPlugins(IServiceCollection services, LevityOptions options)
    {
        if (options.EnableAutoStart)
        {
            services.Configure<AutoRemoteStartOptions>(a =>
            {
                a.IdTag = options.AutoStartIdTag;
                a.Delay = TimeSpan.FromSeconds(options.AutoStartDelay);
            });
            services.AddChargePointPlugin<AutoRemoteStartPlugin>();
        }
    }

    public static IReadOnlyList<string> BoundAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port, Action<ListenOptions>? configure = null)
    {
        configure ??= _ => { };
        if (ListenerCheck.IsLocalhost(host))
        {
            kestrel.ListenLocalhost(port, configure);
            return;
        }

        // The addresses the start-up check probed.
        foreach (var address in ListenerCheck.Addresses(host))
        {
            kestrel.Listen(address, port, configure);
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LevityOptions options)
    {
        logging.ClearProviders();
        if (options.LogFormat == "text")
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
        {
            logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // Validated before the host is built; the fallbacks only guard direct callers.
        var level = LogLevelNames.TryParse(options.LogLevel, out var l) ? l : LogLevel.Information;
        var ocppLevel = LogLevelNames.TryParse(options.OcppLogLevel, out var o) ? o : LogLevel.Information;
        logging.SetMinimumLevel(level);
        // ASP.NET Core's own information logs (request starts, hosting lifetime) drown the OCPP
        // traffic; keep them at Warning unless debugging.
        logging.AddFilter("Microsoft", level <= LogLevel.Debug ? level : LogLevel.Warning);
        // Orleans logs its own start-up, membership and collection at Information: noise on one silo.
        logging.AddFilter("Orleans", level <= LogLevel.Debug ? level : LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", level);
        // Hosting starts an Activity and a log scope for every request while this category is
        // enabled at any level, and a charger's request lives as long as its WebSocket: about
        // half a kilobyte per connected charger for request start/stop lines nobody reads.
        // Failures are still logged by Kestrel's own categories.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level <= LogLevel.Debug ? level : LogLevel.None);
        logging.AddFilter(FrameLogCategory, ocppLevel);
    }

    /// <summary>Category of the one-line-per-OCPP-frame log, governed by --ocpp-log-level.</summary>
    public const string FrameLogCategory = "Levity.Ocpp.Frames";

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Levity listening on {Addresses}")]
        public static partial void Listening(ILogger logger, string addresses);
    }
}
