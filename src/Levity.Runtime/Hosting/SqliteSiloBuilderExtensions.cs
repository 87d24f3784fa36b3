using Levity.Runtime.Storage;
using Levity.Runtime.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Runtime.Hosting;

public static class SqliteSiloBuilderExtensions
{
    /// <summary>Registers a <see cref="SqliteGrainStorage"/> under <paramref name="name"/>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configure);
        return builder.AddGrainStorage(name, static (provider, storageName) => new SqliteGrainStorage(
            storageName,
            provider.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(storageName),
            provider.GetRequiredService<IGrainStorageSerializer>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SqliteGrainStorage>>()));
    }

    /// <summary>Registers a <see cref="SqliteGrainStorage"/> as the storage named "Default".</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(PersistentStateAttribute.DefaultStorageName, configure);
}
