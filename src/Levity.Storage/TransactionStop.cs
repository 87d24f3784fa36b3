namespace Levity.Storage;

/// <summary>A StopTransaction request; <see cref="MeterStop"/> is in Wh.</summary>
public sealed record TransactionStop(
    int TransactionId,
    long MeterStop,
    DateTimeOffset Timestamp,
    string? Reason = null,
    string? IdTag = null,
    IReadOnlyList<MeterSample>? TransactionData = null);
