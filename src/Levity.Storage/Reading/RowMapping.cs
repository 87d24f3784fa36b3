using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Reading;

/// <summary>Rows to records. Columns may be NULL in rows the Python version or a person wrote.</summary>
internal static class RowMapping
{
    public const string TransactionColumns = """
        t.id, t.cp_id, c.conn_id, t.id_tag, t.start_time, t.stop_time, t.meter_start, t.meter_stop,
        t.energy_delivered, t.stop_reason, t.status, t.reservation_id, t.stop_id_tag
        """;

    public const string ChargePointColumns = """
        id, name, vendor, model, serial_number, firmware_version, iccid, imsi, status, is_connected,
        last_heartbeat_at, last_boot_at, last_connect_at, last_tx_start_at, last_tx_stop_at
        """;

    /// <summary>Reads <see cref="TransactionColumns"/> starting at <paramref name="first"/>.</summary>
    public static TransactionRecord Transaction(SqliteDataReader row, int first = 0) =>
        new(
            row.GetInt32(first),
            row.GetString(first + 1),
            NullableInt(row, first + 2),
            Text(row, first + 3),
            Time(row, first + 4),
            Time(row, first + 5),
            NullableLong(row, first + 6) ?? 0,
            NullableLong(row, first + 7),
            NullableLong(row, first + 8) ?? 0,
            Text(row, first + 9),
            Text(row, first + 10),
            NullableInt(row, first + 11),
            row.IsDBNull(first + 12) ? null : row.GetString(first + 12));

    public static ChargePointRecord ChargePoint(SqliteDataReader row) =>
        new(
            row.GetString(0),
            Text(row, 1),
            Text(row, 2),
            Text(row, 3),
            Text(row, 4),
            Text(row, 5),
            Text(row, 6),
            Text(row, 7),
            Text(row, 8),
            (NullableLong(row, 9) ?? 0) != 0,
            Time(row, 10),
            Time(row, 11),
            Time(row, 12),
            Time(row, 13),
            Time(row, 14));

    public static ConnectorRecord Connector(SqliteDataReader row) =>
        new(row.GetInt32(0), Text(row, 1), Text(row, 2), Text(row, 3), Time(row, 4));

    /// <summary>Reads timestamp, measurand, value, unit starting at <paramref name="first"/>.</summary>
    public static MeterReading? Reading(SqliteDataReader row, int first) =>
        row.IsDBNull(first + 2)
            ? null
            : new MeterReading(Time(row, first), Text(row, first + 1), row.GetDouble(first + 2), Text(row, first + 3));

    /// <summary>Reads timestamp, cp_conn_id, measurand, value, unit, context, location, phase, format.</summary>
    public static MeterValueRecord MeterValue(SqliteDataReader row) =>
        new(
            Time(row, 0),
            NullableInt(row, 1) ?? 0,
            Text(row, 2),
            row.IsDBNull(3) ? 0 : row.GetDouble(3),
            Text(row, 4),
            Text(row, 5),
            Text(row, 6),
            row.IsDBNull(7) || row.GetString(7).Length == 0 ? null : row.GetString(7),
            Text(row, 8));

    /// <summary>Reads id_tag, status, expiry_date, parent_id_tag, label.</summary>
    public static IdTagRecord IdTag(SqliteDataReader row) =>
        new(
            row.GetString(0),
            Text(row, 1),
            Time(row, 2),
            row.IsDBNull(3) || row.GetString(3).Length == 0 ? null : row.GetString(3),
            Text(row, 4));

    private static string Text(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? string.Empty : row.GetString(ordinal);

    private static DateTimeOffset? Time(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : SqlTime.Parse(row.GetString(ordinal));

    private static long? NullableLong(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetInt64(ordinal);

    private static int? NullableInt(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetInt32(ordinal);
}
