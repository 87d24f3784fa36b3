namespace Levity.Storage.Schema;

/// <summary>A row of <c>PRAGMA table_info</c>.</summary>
internal sealed record TableColumn(string Name, string Type, bool NotNull, string? DefaultValue);
