namespace Levity.Storage.Schema;

/// <summary>
/// One schema step. <see cref="Version"/> is the <c>PRAGMA user_version</c> the database has once
/// <see cref="Apply"/> has committed; each runs in its own transaction together with that bump.
/// </summary>
internal sealed record Migration(int Version, string Name, Action<MigrationContext> Apply);
