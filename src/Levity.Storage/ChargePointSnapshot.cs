namespace Levity.Storage;

/// <summary>
/// What a charger's grain needs on activation: its row, its connectors (1 and up) and the
/// transactions still open, read in one consistent snapshot.
/// </summary>
public sealed record ChargePointSnapshot(
    ChargePointRecord ChargePoint,
    IReadOnlyList<ConnectorRecord> Connectors,
    IReadOnlyList<OpenTransaction> OpenTransactions);
