namespace Levity.Storage.Schema.Migrations;

/// <summary>
/// Load groups (issue 18): a group has a current limit per phase, an optional parent group, and
/// members (a whole charger, connector 0, or one connector). A connector is in at most one group.
/// <c>cp_load</c> holds each charger's minimum and maximum current and its wiring; a charger
/// without a row has the defaults (6 A, 32 A, three phases).
/// </summary>
internal static class V011LoadGroups
{
    public static Migration Migration { get; } = new(11, "load-groups", Apply);

    private static void Apply(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE load_group (
                name TEXT PRIMARY KEY,
                limit_a REAL NOT NULL CHECK (limit_a >= 0),    -- Amperes on each phase
                parent TEXT REFERENCES load_group (name),       -- The enclosing group (NULL: a site)
                created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
                updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
            )
            """);
        context.Execute("""
            CREATE TABLE load_group_member (
                group_name TEXT NOT NULL REFERENCES load_group (name) ON DELETE CASCADE,
                cp_id TEXT NOT NULL,
                conn_id INTEGER NOT NULL DEFAULT 0,             -- 0: every connector of the charger
                PRIMARY KEY (cp_id, conn_id)
            )
            """);
        context.Execute("CREATE INDEX idx_load_group_member_group ON load_group_member (group_name)");
        context.Execute("""
            CREATE TABLE cp_load (
                cp_id TEXT PRIMARY KEY,
                min_a REAL NOT NULL CHECK (min_a >= 0),
                max_a REAL NOT NULL CHECK (max_a >= min_a),
                phases INTEGER NOT NULL CHECK (phases IN (1, 3)),
                phase TEXT CHECK (phase IS NULL OR phase IN ('L1', 'L2', 'L3')),  -- The phase a single-phase charger is wired to
                updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
            )
            """);
    }
}
