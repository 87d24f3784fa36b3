namespace Levity.Storage.Reports;

/// <summary>A register value (Wh) at an instant; start and stop of a transaction count as points too.</summary>
public readonly record struct MeterPoint(DateTimeOffset At, double Wh);
