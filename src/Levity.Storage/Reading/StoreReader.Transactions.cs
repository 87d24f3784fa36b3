using System.Text;
using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Reading;

internal sealed partial class StoreReader
{
    /// <summary>
    /// A page of <c>tx</c> rows, newest start first (then highest id), and the count of all that
    /// match. Both run in one read transaction so the total belongs to the page. Times compare as
    /// text: stored and bound values are the same fixed-width ISO 8601 UTC form.
    /// </summary>
    public async Task<TransactionPage> ListTransactionsAsync(TransactionQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new List<(string Name, object Value)>();
        if (query.ChargePointId is { } chargePointId)
        {
            where.Append(" AND t.cp_id = $cp");
            parameters.Add(("$cp", chargePointId));
        }

        if (query.IdTag is { } idTag)
        {
            where.Append(" AND t.id_tag = $tag COLLATE NOCASE");
            parameters.Add(("$tag", idTag));
        }

        if (query.Active is { } active)
        {
            where.Append(active ? $" AND t.status = '{TransactionStatus.Active}'" : $" AND COALESCE(t.status, '') <> '{TransactionStatus.Active}'");
        }

        if (query.From is { } from)
        {
            where.Append(" AND t.start_time >= $from");
            parameters.Add(("$from", SqlTime.ToIso(from)));
        }

        if (query.To is { } to)
        {
            where.Append(" AND t.start_time < $to");
            parameters.Add(("$to", SqlTime.ToIso(to)));
        }

        int total;
        await using (var count = Parameterized(connection, $"SELECT COUNT(*) FROM tx AS t {where}", parameters))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var items = new List<TransactionRecord>();
        await using (var page = Parameterized(
            connection,
            $"""
            SELECT {RowMapping.TransactionColumns}
            FROM tx AS t LEFT JOIN cp_conn AS c ON c.id = t.cp_conn_id
            {where}
            ORDER BY t.start_time DESC, t.id DESC
            LIMIT $limit OFFSET $offset
            """,
            parameters))
        {
            page.Parameters.AddWithValue("$limit", query.Limit);
            page.Parameters.AddWithValue("$offset", query.Offset);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(RowMapping.Transaction(reader));
            }
        }

        return new TransactionPage(items, total);
    }

    /// <summary>Every sampled value booked to a transaction, in time order (then storage order).</summary>
    public async Task<IReadOnlyList<MeterValueRecord>> GetTransactionMeterValuesAsync(int transactionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT timestamp, cp_conn_id, measurand, value, unit, context, location, phase, format
            FROM meter_val WHERE tx_id = $tx ORDER BY timestamp, id
            """;
        command.Parameters.AddWithValue("$tx", transactionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<MeterValueRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(RowMapping.MeterValue(reader));
        }

        return values;
    }

    private static SqliteCommand Parameterized(SqliteConnection connection, string sql, List<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
