namespace Levity.Storage.Schema.Migrations;

/// <summary>
/// Version 9: grains run on Microsoft Orleans and keep no Orleans grain state (the relational
/// tables are the system of record), so the <c>grain_state</c> table that the earlier in-process
/// runtime's SQLite grain storage could create in the same file goes. It was never written by
/// the server itself; a database that has no such table is unchanged.
/// </summary>
internal static class V009DropGrainState
{
    public static Migration Migration { get; } = new(9, "drop-grain-state", Apply);

    private static void Apply(MigrationContext context) => context.Execute("DROP TABLE IF EXISTS grain_state");
}
