using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Levity.Runtime.Storage.Sqlite;

/// <summary>
/// Grain storage in a SQLite file through ADO.NET: one row per (grain type, grain key, state name)
/// in table <c>grain_state</c>, JSON payload, integer version as ETag. WAL journal,
/// <c>synchronous=FULL</c> (a write is on disk when it returns) and a busy timeout, so the file can
/// be shared with the rest of the application.
/// </summary>
/// <remarks>
/// A clear keeps the row with a null payload and a new version rather than deleting it, so an old
/// ETag can never match again (no ABA after clear and re-create).
/// </remarks>
public sealed partial class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private const string ReadSql =
        "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name";

    private const string InsertSql =
        "INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, updated_at) "
        + "VALUES ($type, $key, $name, 1, $payload, $now) ON CONFLICT DO NOTHING";

    private const string UpdateSql =
        "UPDATE grain_state SET etag = etag + 1, payload = $payload, updated_at = $now "
        + "WHERE grain_type = $type AND grain_key = $key AND state_name = $name AND etag = $etag";

    private const string SchemaSql =
        "PRAGMA journal_mode = WAL; "
        + "CREATE TABLE IF NOT EXISTS grain_state ("
        + "grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL, "
        + "etag INTEGER NOT NULL, payload TEXT NULL, updated_at TEXT NOT NULL, "
        + "PRIMARY KEY (grain_type, grain_key, state_name)) WITHOUT ROWID";

    private readonly string _name;
    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly IGrainStorageSerializer _serializer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;

    public SqliteGrainStorage(
        string name,
        SqliteGrainStorageOptions options,
        IGrainStorageSerializer serializer,
        TimeProvider timeProvider,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            throw new ArgumentException($"Grain storage \"{name}\": SqliteGrainStorageOptions.DatabasePath must be set.", nameof(options));
        }

        _name = name;
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        var busyMilliseconds = (long)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA synchronous = FULL;");
        _serializer = serializer;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await OpenAsync(cancellationToken);
        var (etag, payload) = await ReadRowAsync(connection, stateName, grainId, cancellationToken);
        grainState.State = payload is null ? StateDefaults.Create<T>() : _serializer.Deserialize<T>(payload);
        grainState.ETag = etag is { } version ? FormatEtag(version) : null;
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _serializer.Serialize(grainState.State);
        var newVersion = await StoreAsync(stateName, grainId, grainState.ETag, payload, cancellationToken);
        grainState.ETag = FormatEtag(newVersion);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.ETag is null)
        {
            // Nothing stored as far as this writer knows: check that is still true, then there is nothing to clear.
            await using var connection = await OpenAsync(cancellationToken);
            var (stored, _) = await ReadRowAsync(connection, stateName, grainId, cancellationToken);
            if (stored is { } version)
            {
                throw Inconsistent(stateName, grainId, FormatEtag(version), null);
            }
        }
        else
        {
            grainState.ETag = FormatEtag(await StoreAsync(stateName, grainId, grainState.ETag, null, cancellationToken));
        }

        grainState.State = StateDefaults.Create<T>();
        grainState.RecordExists = false;
    }

    /// <summary>Inserts (no ETag) or updates (matching ETag) the row; returns the new version.</summary>
    private async Task<long> StoreAsync(string stateName, GrainId grainId, string? etag, string? payload, CancellationToken cancellationToken)
    {
        long? expected = null;
        if (etag is not null)
        {
            expected = long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw Inconsistent(stateName, grainId, null, etag);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = expected is null ? InsertSql : UpdateSql;
        AddKey(command, stateName, grainId);
        command.Parameters.AddWithValue("$payload", (object?)payload ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", _timeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (expected is { } version)
        {
            command.Parameters.AddWithValue("$etag", version);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            var (stored, _) = await ReadRowAsync(connection, stateName, grainId, cancellationToken);
            throw Inconsistent(stateName, grainId, stored is { } current ? FormatEtag(current) : null, etag);
        }

        return (expected ?? 0) + 1;
    }

    private static async Task<(long? Etag, string? Payload)> ReadRowAsync(
        SqliteConnection connection, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (null, null);
        }

        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = _connectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = SchemaSql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _initialized = true;
            Log.Initialized(_logger, _name, DatabasePath);
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    /// <summary>Closes this storage's idle pooled connections (the file can then be deleted or moved).</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initializeLock.Dispose();
    }

    private static void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$name", stateName);
    }

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private InconsistentStateException Inconsistent(string stateName, GrainId grainId, string? storedEtag, string? currentEtag)
    {
        Log.InconsistentState(_logger, _name, grainId, stateName, storedEtag, currentEtag);
        return new InconsistentStateException(
            $"State \"{stateName}\" of {grainId} in storage \"{_name}\" has ETag {storedEtag ?? "(none)"}, but the writer carried {currentEtag ?? "(none)"}: it changed since it was read.",
            storedEtag,
            currentEtag);
    }

    private static partial class Log
    {
        [LoggerMessage(6001, LogLevel.Debug, "Grain storage {StorageName} ready in {DatabasePath}")]
        public static partial void Initialized(ILogger logger, string storageName, string databasePath);

        [LoggerMessage(6002, LogLevel.Debug, "Grain storage {StorageName}: stale ETag for state {StateName} of {GrainId} (stored {StoredEtag}, carried {CurrentEtag})")]
        public static partial void InconsistentState(ILogger logger, string storageName, GrainId grainId, string stateName, string? storedEtag, string? currentEtag);
    }
}
