namespace Levity.Storage.Files;

/// <summary>A finished copy: where it is, the schema version it holds and its size.</summary>
public sealed record BackupResult(string Path, int SchemaVersion, long Bytes);
