using Levity.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Levity.Runtime.Testing;

/// <summary>
/// A silo in a generic host, for tests (like Orleans' <c>TestCluster</c>): a
/// <see cref="ManualTimeProvider"/> as the clock, and the grain storage "Default" on a fresh
/// SQLite file in a temporary directory that <see cref="DisposeAsync"/> deletes.
/// <code>
/// await using var cluster = await InProcessTestCluster.StartAsync(silo =&gt; silo.AddGrain&lt;IMyGrain, MyGrain&gt;());
/// var grain = cluster.GrainFactory.GetGrain&lt;IMyGrain&gt;("key");
/// cluster.TimeProvider.Advance(TimeSpan.FromMinutes(20)); // idle collection, timers
/// </code>
/// </summary>
public sealed class InProcessTestCluster : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;
    private bool _stopped;

    private InProcessTestCluster(IHost host, string directory, string databasePath, ManualTimeProvider timeProvider)
    {
        _host = host;
        _directory = directory;
        DatabasePath = databasePath;
        TimeProvider = timeProvider;
    }

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider ServiceProvider => _host.Services;

    /// <summary>The silo's clock: advance it to drive idle collection, timers and timeouts.</summary>
    public ManualTimeProvider TimeProvider { get; }

    /// <summary>The SQLite file behind the "Default" grain storage.</summary>
    public string DatabasePath { get; }

    /// <summary>Starts a cluster.</summary>
    /// <param name="configureSilo">Grains, filters, JSON resolvers and options, as in <c>AddLevitySilo</c>.</param>
    /// <param name="configureServices">Other services the grains need (registered before the silo's).</param>
    /// <param name="cancellationToken">Bounds the start.</param>
    public static async Task<InProcessTestCluster> StartAsync(
        Action<ISiloBuilder> configureSilo,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureSilo);
        var directory = Path.Combine(Path.GetTempPath(), "levity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var databasePath = Path.Combine(directory, "levity.db");
        var timeProvider = new ManualTimeProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(timeProvider);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddLevitySilo(silo =>
        {
            silo.AddSqliteGrainStorageAsDefault(options => options.DatabasePath = databasePath);
            configureSilo(silo);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await DisposeHostAsync(host);
            DeleteDirectory(directory);
            throw;
        }

        return new InProcessTestCluster(host, directory, databasePath, timeProvider);
    }

    /// <summary>Stops the silo gracefully (running calls finish, activations deactivate).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync(cancellationToken);
    }

    /// <summary>Stops the silo if needed, disposes the host and deletes the temporary directory.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await DisposeHostAsync(_host);
            DeleteDirectory(_directory);
        }
    }

    private static async ValueTask DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open elsewhere leaves the directory behind in the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
