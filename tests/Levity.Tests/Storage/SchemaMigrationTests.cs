using Levity.Storage;
using Levity.Storage.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Tests.Storage;

public sealed class SchemaMigrationTests
{
    private static readonly string[] PythonTables = ["cp", "cp_conn", "tx", "meter_val", "cp_err"];

    [Fact]
    public async Task Start_FreshDatabase_HasPythonColumnsAndLatestVersion()
    {
        using var sample = TestDatabase.PythonSample();
        using var fresh = TestDatabase.Empty();
        await using (var store = await TestStore.StartAsync(fresh.Path))
        {
        }

        foreach (var table in PythonTables)
        {
            var expected = sample.Columns(table);
            var actual = fresh.Columns(table);
            Assert.Equal(expected, actual.Take(expected.Count));
            var added = actual.Skip(expected.Count).ToList();
            Assert.Equal(
                table switch
                {
                    "tx" => ["reservation_id", "stop_id_tag"],
                    "cp" => ["firmware_status", "firmware_status_at", "diagnostics_status", "diagnostics_status_at"],
                    _ => [],
                },
                added);
        }

        Assert.Equal(
            ["id", "cp_id", "conn_id", "tx_id", "kind", "timestamp", "detail", "created_at"],
            fresh.Columns("anomaly"));
        Assert.Equal((long)MigrationCatalog.LatestVersion, fresh.Scalar("PRAGMA user_version"));
        Assert.Equal("wal", fresh.Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Start_PythonSample_KeepsEveryRowAndId()
    {
        using var database = TestDatabase.PythonSample();
        var before = PythonTables.ToDictionary(t => t, t => database.Rows($"SELECT * FROM {t} ORDER BY id"));
        Assert.Equal(0L, database.Scalar("PRAGMA user_version"));

        await using (var store = await TestStore.StartAsync(database.Path))
        {
        }

        foreach (var table in PythonTables.Where(t => t != "tx"))
        {
            // Columns appended by later versions (cp's firmware/diagnostics status) are NULL in old rows.
            var after = database.Rows($"SELECT * FROM {table} ORDER BY id");
            Assert.Equal(before[table], after.Select(r => r.Take(before[table][0].Length).ToArray()));
            Assert.All(after, r => Assert.All(r.Skip(before[table][0].Length), Assert.Null));
        }

        // tx keeps its columns and rows; tx_id (NULL in Python rows) now mirrors id.
        var txBefore = before["tx"];
        var txAfter = database.Rows("SELECT * FROM tx ORDER BY id");
        Assert.Equal(txBefore.Count, txAfter.Count);
        for (var i = 0; i < txBefore.Count; i++)
        {
            Assert.Null(txBefore[i][1]);
            Assert.Equal(txBefore[i][0], txAfter[i][1]);
            Assert.Equal(txBefore[i].Skip(2), txAfter[i].Skip(2).Take(txBefore[i].Length - 2));
        }

        Assert.Equal(96L, database.Scalar("SELECT seq FROM sqlite_sequence WHERE name = 'meter_val'"));
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public async Task Start_Twice_SecondRunChangesNothing()
    {
        using var database = TestDatabase.PythonSample();
        await using (var first = await TestStore.StartAsync(database.Path))
        {
        }

        var schema = database.Rows("SELECT type, name, sql FROM sqlite_master ORDER BY name");
        var rows = database.Rows("SELECT * FROM meter_val ORDER BY id");
        await using (var second = await TestStore.StartAsync(database.Path))
        {
        }

        Assert.Equal(schema, database.Rows("SELECT type, name, sql FROM sqlite_master ORDER BY name"));
        Assert.Equal(rows, database.Rows("SELECT * FROM meter_val ORDER BY id"));
        Assert.Equal((long)MigrationCatalog.LatestVersion, database.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public void Migrate_AlreadyCurrent_AppliesNothing()
    {
        using var database = TestDatabase.Empty();
        using var connection = database.Open();
        Assert.Equal(MigrationCatalog.All.Count, SchemaMigrator.Migrate(connection, MigrationCatalog.All, NullLogger.Instance, default));
        Assert.Equal(0, SchemaMigrator.Migrate(connection, MigrationCatalog.All, NullLogger.Instance, default));
    }

    [Fact]
    public async Task Start_VersionEightWithOldRuntimeGrainStateTable_TableDroppedRowsKept()
    {
        using var database = TestDatabase.PythonSample();
        using (var connection = database.Open())
        {
            SchemaMigrator.Migrate(connection, MigrationCatalog.All.Where(m => m.Version <= 8).ToArray(), NullLogger.Instance, default);
        }

        database.Execute("CREATE TABLE grain_state (grain_type TEXT, grain_key TEXT, state_name TEXT, etag INTEGER, payload TEXT, updated_at TEXT)");
        var transactions = database.Rows("SELECT * FROM tx ORDER BY id");

        await using (var store = await TestStore.StartAsync(database.Path))
        {
        }

        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'grain_state'"));
        Assert.Equal(transactions, database.Rows("SELECT * FROM tx ORDER BY id"));
        Assert.Equal((long)MigrationCatalog.LatestVersion, database.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task Start_NewerSchemaVersion_RefusesToOpen()
    {
        using var database = TestDatabase.Empty();
        database.Execute("PRAGMA user_version = 999");
        var store = TestStore.Create(database.Path);
        await using (store)
        {
            var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.StartAsync(CancellationToken.None));
            Assert.Contains("999", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(999L, database.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public void Migrate_FailingStep_LeavesDatabaseAtPreviousVersion()
    {
        using var database = TestDatabase.Empty();
        using var connection = database.Open();
        Migration[] migrations =
        [
            new(1, "table", c => c.Execute("CREATE TABLE t (x INTEGER)")),
            new(2, "broken", c =>
            {
                c.Execute("INSERT INTO t VALUES (1)");
                c.Execute("INSERT INTO no_such_table VALUES (1)");
            }),
        ];

        Assert.Throws<SqliteException>(() => SchemaMigrator.Migrate(connection, migrations, NullLogger.Instance, default));

        Assert.Equal(1L, database.Scalar("PRAGMA user_version"));
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public void Migrate_VersionsOutOfOrder_Throws()
    {
        using var database = TestDatabase.Empty();
        using var connection = database.Open();
        Migration[] migrations = [new(1, "a", _ => { }), new(3, "b", _ => { })];

        Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Migrate(connection, migrations, NullLogger.Instance, default));
        Assert.Equal(0L, database.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public void Catalog_Versions_AreOneToLatestInOrder() =>
        Assert.Equal(Enumerable.Range(1, MigrationCatalog.All.Count), MigrationCatalog.All.Select(m => m.Version));

    [Fact]
    public async Task Start_MeterValueRebuild_KeepsHighWaterMarkCustomColumnsAndIndexes()
    {
        using var database = TestDatabase.PythonSample();
        database.Execute("""
            DELETE FROM meter_val WHERE id > 90;
            ALTER TABLE meter_val ADD COLUMN note TEXT DEFAULT 'n/a';
            UPDATE meter_val SET note = 'kept' WHERE id = 1;
            CREATE INDEX my_report_index ON meter_val(cp_id, value);
            """);

        await using (var store = await TestStore.StartAsync(database.Path))
        {
            await store.InsertMeterValuesAsync("GRZ00000", 1, null, [TestStore.Energy(TestStore.Epoch, 1)]);
        }

        Assert.Equal(97L, database.Scalar("SELECT MAX(id) FROM meter_val"));
        Assert.Equal("kept", database.Scalar("SELECT note FROM meter_val WHERE id = 1"));
        Assert.Equal("n/a", database.Scalar("SELECT note FROM meter_val WHERE id = 97"));
        Assert.Equal(1L, database.Count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'my_report_index'"));
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'meter_val__rebuild'"));
    }

    [Theory]
    [InlineData("""
        SELECT cp_id, MAX(value) - MIN(value) FROM meter_val
        WHERE measurand = 'Energy.Active.Import.Register'
          AND timestamp >= '2026-11-01T00:00:00' AND timestamp < '2026-12-01T00:00:00'
        GROUP BY cp_id
        """, "idx_meter_val_energy_time")]
    [InlineData("""
        SELECT timestamp, value FROM meter_val
        WHERE cp_id = 'GRZ00000' AND measurand = 'Energy.Active.Import.Register'
          AND timestamp >= '2026-11-01T00:00:00' AND timestamp < '2026-12-01T00:00:00'
        """, "idx_meter_val_energy_time")]
    [InlineData("""
        SELECT value FROM meter_val WHERE tx_id = 6 AND measurand = 'Energy.Active.Import.Register'
        ORDER BY timestamp DESC LIMIT 1
        """, "idx_meter_val_tx_time")]
    [InlineData("""
        SELECT timestamp, measurand, value FROM meter_val WHERE tx_id = 6 ORDER BY timestamp, id
        """, "idx_meter_val_tx_time")]
    [InlineData("""
        SELECT timestamp, value FROM meter_val
        WHERE tx_id = 6 AND measurand = 'Energy.Active.Import.Register' AND timestamp <= '2026-11-15T00:00:00'
        ORDER BY timestamp DESC, id DESC LIMIT 1
        """, "idx_meter_val_tx_time")]
    [InlineData("""
        SELECT cp_id, AVG(value) FROM meter_val
        WHERE measurand = 'Power.Active.Import' AND timestamp >= '2026-11-01T00:00:00' AND timestamp < '2026-11-02T00:00:00'
        GROUP BY cp_id
        """, "idx_meter_values_timestamp")]
    [InlineData("""
        SELECT cp_id, SUM(energy_delivered) FROM tx
        WHERE status = 'Completed' AND start_time >= '2026-11-01T00:00:00' AND start_time < '2026-12-01T00:00:00'
        GROUP BY cp_id
        """, "idx_tx_status_start")]
    public async Task ReportQuery_OverMonths_UsesIndex(string sql, string index)
    {
        using var database = TestDatabase.Empty();
        await using (var store = await TestStore.StartAsync(database.Path))
        {
        }

        var plan = string.Join("\n", database.Rows("EXPLAIN QUERY PLAN " + sql).Select(r => (string)r[3]!));

        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN meter_val", plan, StringComparison.Ordinal);
    }
}
