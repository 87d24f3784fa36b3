using Microsoft.Data.Sqlite;

namespace Levity.Storage.LoadManagement;

/// <summary>Reads the load tables on a given connection (the writer's inside its transaction, or a reader's).</summary>
internal static class LoadGroupRows
{
    public static IReadOnlyList<LoadGroupRecord> ReadAll(SqliteConnection connection)
    {
        var members = new Dictionary<string, List<LoadGroupMember>>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT group_name, cp_id, conn_id FROM load_group_member ORDER BY cp_id, conn_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var group = reader.GetString(0);
                if (!members.TryGetValue(group, out var list))
                {
                    members[group] = list = [];
                }

                list.Add(new LoadGroupMember(reader.GetString(1), reader.GetInt32(2)));
            }
        }

        var groups = new List<LoadGroupRecord>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, limit_a, parent FROM load_group ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                groups.Add(new LoadGroupRecord(
                    name,
                    reader.GetDouble(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    members.TryGetValue(name, out var list) ? list : []));
            }
        }

        return groups;
    }

    public static IReadOnlyList<ChargerLoadSettings> ReadSettings(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT cp_id, min_a, max_a, phases, phase FROM cp_load ORDER BY cp_id";
        using var reader = command.ExecuteReader();
        var settings = new List<ChargerLoadSettings>();
        while (reader.Read())
        {
            settings.Add(new ChargerLoadSettings(
                reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return settings;
    }
}
