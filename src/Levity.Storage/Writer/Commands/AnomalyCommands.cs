using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>Writes to <c>anomaly</c>.</summary>
internal sealed class AnomalyCommands : IDisposable
{
    private readonly SqliteCommand _insert;

    public AnomalyCommands(SqliteConnection connection) =>
        _insert = connection.Prepare(
            """
            INSERT INTO anomaly (cp_id, conn_id, tx_id, kind, timestamp, detail, created_at)
            VALUES ($cp, $conn, $tx, $kind, $at, $detail, $now)
            """,
            "$cp", "$conn", "$tx", "$kind", "$at", "$detail", "$now");

    public void Insert(string chargePointId, AnomalyKind kind, int? connectorId, long? transactionId, string at, string? detail, string now) =>
        _insert.Bind(0, chargePointId)
            .Bind(1, connectorId is int connector ? (long)connector : null)
            .Bind(2, transactionId)
            .Bind(3, kind.ToString())
            .Bind(4, at)
            .Bind(5, detail ?? string.Empty)
            .Bind(6, now)
            .ExecuteNonQuery();

    public void Dispose() => _insert.Dispose();
}
