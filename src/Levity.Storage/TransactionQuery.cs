namespace Levity.Storage;

/// <summary>
/// A filter over <c>tx</c>: every set field must match. <see cref="From"/> and <see cref="To"/>
/// bound the start time (from inclusive, to exclusive); <see cref="IdTag"/> matches regardless of
/// case (OCPP idTags are case-insensitive).
/// </summary>
public sealed record TransactionQuery(
    string? ChargePointId = null,
    string? IdTag = null,
    bool? Active = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 50,
    int Offset = 0);
