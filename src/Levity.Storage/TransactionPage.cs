namespace Levity.Storage;

/// <summary>One page of a transaction listing, newest first, and how many rows match in all.</summary>
public sealed record TransactionPage(IReadOnlyList<TransactionRecord> Items, int Total);
