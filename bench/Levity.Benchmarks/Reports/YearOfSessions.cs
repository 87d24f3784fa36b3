using System.Globalization;
using Levity.Storage;
using Levity.Storage.Schema;
using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Benchmarks.Reports;

/// <summary>
/// A year of a 20-charger site written straight into a database file at the current schema (the
/// real migrations, then plain SQL in one transaction): one or two sessions per charger and day,
/// 1–6 hours at 3.7–11 kW, a MeterValues every minute with the energy register and three other
/// measurands (power, current, voltage), as chargers send them. Five chargers send Grizzl-E
/// session-relative energy. 30 tags in 12 labelled households. Built once per machine (kept in
/// the temp directory), since writing millions of rows takes a while.
/// </summary>
internal static class YearOfSessions
{
    public const int Chargers = 20;
    private const int Version = 1;

    // The schema version is part of the name: a migration (an index change, say) gets a fresh file.
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"levity-bench-year-v{Version}-s{MigrationCatalog.LatestVersion}.db");

    public static string Ensure()
    {
        if (File.Exists(Path))
        {
            return Path;
        }

        var building = Path + ".building";
        File.Delete(building);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = building, Pooling = false }.ToString()))
        {
            connection.Open();
            connection.Execute("PRAGMA journal_mode = WAL");
            SchemaMigrator.Migrate(connection, MigrationCatalog.All, NullLogger.Instance, default);
            Fill(connection);
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, Path);
        return Path;
    }

    private static void Fill(SqliteConnection connection)
    {
        var random = new Random(2026);
        using var transaction = connection.BeginTransaction();
        for (var tag = 0; tag < 30; tag++)
        {
            connection.Execute(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO id_tag (id_tag, label) VALUES ('TAG{tag:00}', '{(tag < 24 ? $"House {tag / 2 + 1}" : string.Empty)}')"), transaction);
        }

        using var insertTx = connection.CreateCommand();
        insertTx.Transaction = transaction;
        insertTx.CommandText = """
            INSERT INTO tx (cp_id, cp_conn_id, id_tag, start_time, stop_time, meter_start, meter_stop, energy_delivered, stop_reason, status)
            VALUES ($cp, $conn, $tag, $start, $stop, $ms, $me, $me - $ms, 'EVDisconnected', 'Completed') RETURNING id
            """;
        foreach (var name in new[] { "$cp", "$conn", "$tag", "$start", "$stop", "$ms", "$me" })
        {
            insertTx.Parameters.Add(new SqliteParameter(name, null));
        }

        using var insertValue = connection.CreateCommand();
        insertValue.Transaction = transaction;
        insertValue.CommandText = """
            INSERT INTO meter_val (tx_id, cp_id, cp_conn_id, timestamp, measurand, value, unit, context, phase)
            VALUES ($tx, $cp, 1, $at, $m, $v, $u, 'Sample.Periodic', '')
            """;
        foreach (var name in new[] { "$tx", "$cp", "$at", "$m", "$v", "$u" })
        {
            insertValue.Parameters.Add(new SqliteParameter(name, null));
        }

        var year = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var c = 0; c < Chargers; c++)
        {
            var cp = string.Create(CultureInfo.InvariantCulture, $"GRZ{c:00}");
            var relative = c < 5;
            connection.Execute($"INSERT INTO cp (id, vendor, model) VALUES ('{cp}', 'United Chargers', 'Grizzl-E Smart')", transaction);
            connection.Execute($"INSERT INTO cp_conn (cp_id, conn_id) VALUES ('{cp}', 1)", transaction);
            var connectorRow = (long)connection.Scalar($"SELECT id FROM cp_conn WHERE cp_id = '{cp}'", transaction)!;
            long register = random.Next(100_000, 5_000_000);
            var at = year.AddHours(random.Next(6, 20));
            while (at.Year == 2026)
            {
                var minutes = random.Next(60, 360);
                var watts = random.Next(3_700, 11_000);
                var meterStart = register;
                insertTx.Parameters["$cp"].Value = cp;
                insertTx.Parameters["$conn"].Value = connectorRow;
                insertTx.Parameters["$tag"].Value = string.Create(CultureInfo.InvariantCulture, $"TAG{random.Next(30):00}");
                insertTx.Parameters["$start"].Value = SqlTime.ToIso(at);
                insertTx.Parameters["$stop"].Value = SqlTime.ToIso(at.AddMinutes(minutes));
                insertTx.Parameters["$ms"].Value = meterStart;
                insertTx.Parameters["$me"].Value = meterStart + ((long)watts * minutes / 60);
                var tx = (long)insertTx.ExecuteScalar()!;
                insertValue.Parameters["$tx"].Value = tx;
                insertValue.Parameters["$cp"].Value = cp;
                for (var minute = 0; minute <= minutes; minute++)
                {
                    var energy = (double)watts * minute / 60;
                    insertValue.Parameters["$at"].Value = SqlTime.ToIso(at.AddMinutes(minute));
                    Value(insertValue, MeterSample.EnergyRegister, relative ? energy : meterStart + energy, "Wh");
                    Value(insertValue, "Power.Active.Import", watts, "W");
                    Value(insertValue, "Current.Import", watts / 230.0, "A");
                    Value(insertValue, "Voltage", 230 + random.NextDouble(), "V");
                }

                register = meterStart + ((long)watts * minutes / 60);
                at = at.AddMinutes(minutes + random.Next(360, 1_800));
            }
        }

        transaction.Commit();
    }

    private static void Value(SqliteCommand insert, string measurand, double value, string unit)
    {
        insert.Parameters["$m"].Value = measurand;
        insert.Parameters["$v"].Value = value;
        insert.Parameters["$u"].Value = unit;
        insert.ExecuteNonQuery();
    }
}
