namespace Levity.Storage;

/// <summary>
/// An <c>id_tag</c> row: an RFID card or app token the operator knows. <see cref="Status"/> is
/// one of <see cref="IdTagStatus"/>; <see cref="Label"/> is free text (e.g. the household), empty
/// when none.
/// </summary>
public sealed record IdTagRecord(string IdTag, string Status, DateTimeOffset? ExpiryDate, string? ParentIdTag, string Label);
