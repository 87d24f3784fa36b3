using Levity.Runtime;
using Levity.Runtime.Storage;
using Levity.Runtime.Storage.Sqlite;
using Levity.Runtime.Testing;
using Levity.Tests.Runtime.TestGrains;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Levity.Tests.Runtime;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly GrainId Grain = new("profile", "ada");
    private readonly TempDatabase _database = new();
    private readonly ManualTimeProvider _timeProvider = new();
    private readonly SqliteGrainStorage _storage;

    public SqliteGrainStorageTests() => _storage = CreateStorage();

    public void Dispose()
    {
        _storage.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task ReadStateAsync_NoRecord_GivesNewStateWithoutEtag()
    {
        var state = new GrainState<ProfileState>(new ProfileState { Name = "stale" }, "7");

        await _storage.ReadStateAsync("profile", Grain, state);

        Assert.Equal(new ProfileState(), state.State);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task WriteStateAsync_ThenReadFromAnotherInstance_RoundTrips()
    {
        var writer = new GrainState<ProfileState>(new ProfileState { Name = "Ada", Visits = 3 });
        await _storage.WriteStateAsync("profile", Grain, writer);

        var reader = new GrainState<ProfileState>();
        using var otherStorage = CreateStorage();
        await otherStorage.ReadStateAsync("profile", Grain, reader);

        Assert.Equal(writer.State, reader.State);
        Assert.Equal(writer.ETag, reader.ETag);
        Assert.True(reader.RecordExists);
        Assert.True(writer.RecordExists);
    }

    [Fact]
    public async Task WriteStateAsync_StaleEtag_ThrowsInconsistentStateAndChangesNothing()
    {
        await _storage.WriteStateAsync("profile", Grain, new GrainState<ProfileState>(new ProfileState { Name = "v1" }));
        var first = await ReadAsync();
        var second = await ReadAsync();
        first.State = new ProfileState { Name = "first" };
        await _storage.WriteStateAsync("profile", Grain, first);
        var staleEtag = second.ETag;

        second.State = new ProfileState { Name = "second" };
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("profile", Grain, second));

        Assert.Equal(staleEtag, second.ETag);
        Assert.Equal(first.ETag, exception.StoredEtag);
        Assert.Equal(staleEtag, exception.CurrentEtag);
        Assert.Equal("first", (await ReadAsync()).State.Name);
    }

    [Fact]
    public async Task WriteStateAsync_NoEtagButRecordExists_ThrowsInconsistentState()
    {
        await _storage.WriteStateAsync("profile", Grain, new GrainState<ProfileState>(new ProfileState { Name = "existing" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            _storage.WriteStateAsync("profile", Grain, new GrainState<ProfileState>(new ProfileState { Name = "blind" })));

        Assert.Equal("existing", (await ReadAsync()).State.Name);
    }

    [Fact]
    public async Task WriteStateAsync_MalformedEtag_ThrowsInconsistentState()
    {
        var state = new GrainState<ProfileState>(new ProfileState(), "not-a-version");

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("profile", Grain, state));
    }

    [Fact]
    public async Task ReadStateAsync_AfterAnotherWriter_SeesTheirState()
    {
        var mine = new GrainState<ProfileState>(new ProfileState { Name = "mine" });
        await _storage.WriteStateAsync("profile", Grain, mine);
        var theirs = await ReadAsync();
        theirs.State = new ProfileState { Name = "theirs" };
        await _storage.WriteStateAsync("profile", Grain, theirs);

        await _storage.ReadStateAsync("profile", Grain, mine);

        Assert.Equal("theirs", mine.State.Name);
        Assert.Equal(theirs.ETag, mine.ETag);
    }

    [Fact]
    public async Task ClearStateAsync_ThenRead_NoRecordAndNewState()
    {
        var state = new GrainState<ProfileState>(new ProfileState { Name = "gone soon" });
        await _storage.WriteStateAsync("profile", Grain, state);

        await _storage.ClearStateAsync("profile", Grain, state);
        var reread = await ReadAsync();

        Assert.False(state.RecordExists);
        Assert.Equal(new ProfileState(), state.State);
        Assert.False(reread.RecordExists);
        Assert.Equal(new ProfileState(), reread.State);
        Assert.Equal(state.ETag, reread.ETag);
    }

    [Fact]
    public async Task ClearStateAsync_ThenWriteWithEtagFromBeforeClear_IsRejected()
    {
        var state = new GrainState<ProfileState>(new ProfileState { Name = "v1" });
        await _storage.WriteStateAsync("profile", Grain, state);
        var old = await ReadAsync();
        await _storage.ClearStateAsync("profile", Grain, state);
        state.State = new ProfileState { Name = "after clear" };
        await _storage.WriteStateAsync("profile", Grain, state);

        old.State = new ProfileState { Name = "old writer" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("profile", Grain, old));

        Assert.Equal("after clear", (await ReadAsync()).State.Name);
    }

    [Fact]
    public async Task ClearStateAsync_StaleEtag_ThrowsInconsistentState()
    {
        await _storage.WriteStateAsync("profile", Grain, new GrainState<ProfileState>(new ProfileState { Name = "v1" }));
        var stale = await ReadAsync();
        var current = await ReadAsync();
        await _storage.WriteStateAsync("profile", Grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("profile", Grain, stale));

        Assert.True((await ReadAsync()).RecordExists);
    }

    [Fact]
    public async Task ClearStateAsync_NoEtag_NoRecordIsNoOpButExistingRecordThrows()
    {
        var nothing = new GrainState<ProfileState>();
        await _storage.ClearStateAsync("profile", Grain, nothing);
        Assert.Null(nothing.ETag);

        await _storage.WriteStateAsync("profile", Grain, new GrainState<ProfileState>(new ProfileState { Name = "x" }));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("profile", Grain, new GrainState<ProfileState>()));
    }

    [Fact]
    public async Task Records_DifferentTypeKeyOrStateName_AreSeparate()
    {
        await _storage.WriteStateAsync("profile", Grain, new GrainState<ProfileState>(new ProfileState { Name = "a" }));
        await _storage.WriteStateAsync("backup", Grain, new GrainState<ProfileState>(new ProfileState { Name = "b" }));
        await _storage.WriteStateAsync("profile", Grain with { Key = "bob" }, new GrainState<ProfileState>(new ProfileState { Name = "c" }));
        await _storage.WriteStateAsync("profile", Grain with { Type = "other" }, new GrainState<ProfileState>(new ProfileState { Name = "d" }));

        Assert.Equal("a", (await ReadAsync()).State.Name);
        Assert.Equal(4, await ScalarAsync<long>("SELECT COUNT(*) FROM grain_state"));
    }

    [Fact]
    public async Task Database_SharedWithApplicationTable_UsesWalAndLeavesOtherTablesAlone()
    {
        await using (var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE transactions (id INTEGER PRIMARY KEY, kwh REAL); INSERT INTO transactions (kwh) VALUES (12.5);";
            await command.ExecuteNonQueryAsync();
        }

        await _storage.WriteStateAsync("profile", Grain, new GrainState<ProfileState>(new ProfileState { Name = "Ada" }));

        Assert.Equal("wal", await ScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(12.5, await ScalarAsync<double>("SELECT kwh FROM transactions"));
        Assert.Equal("""{"Name":"Ada","Visits":0}""", await ScalarAsync<string>("SELECT payload FROM grain_state"));
        Assert.Equal("2025-01-01T00:00:00.000Z", await ScalarAsync<string>("SELECT updated_at FROM grain_state"));
    }

    [Fact]
    public async Task WriteStateAsync_TypeWithoutJsonContract_ThrowsWithRegistrationHint()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _storage.WriteStateAsync("other", Grain, new GrainState<UnregisteredState>(new UnregisteredState())));

        Assert.Contains("AddJsonTypeInfoResolver", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoDatabasePath_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new SqliteGrainStorage(
            "Default", new SqliteGrainStorageOptions(), Serializer(), _timeProvider, NullLogger<SqliteGrainStorage>.Instance));
    }

    private SqliteGrainStorage CreateStorage() => new(
        "Default",
        new SqliteGrainStorageOptions { DatabasePath = _database.Path },
        Serializer(),
        _timeProvider,
        NullLogger<SqliteGrainStorage>.Instance);

    private static JsonGrainStorageSerializer Serializer() =>
        new(Options.Create(new JsonGrainStorageSerializerOptions { TypeInfoResolvers = { RuntimeTestJsonContext.Default } }));

    private async Task<GrainState<ProfileState>> ReadAsync()
    {
        var state = new GrainState<ProfileState>();
        await _storage.ReadStateAsync("profile", Grain, state);
        return state;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record UnregisteredState;
}
