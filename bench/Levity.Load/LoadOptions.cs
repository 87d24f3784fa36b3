namespace Levity.Load;

/// <summary>What to run; see Program for the flags.</summary>
internal sealed record LoadOptions(
    Uri BaseUri,
    int Chargers,
    TimeSpan Duration,
    double Rate,
    Scenario Scenario,
    int? ServerPid,
    TimeSpan HeartbeatInterval,
    TimeSpan ConnectRampUp,
    string IdPrefix,
    TimeSpan CallTimeout);

internal enum Scenario
{
    /// <summary>Boot, status, then start / meter values / stop cycles with heartbeats.</summary>
    Sessions,

    /// <summary>Boot, start a transaction, then only MeterValues.</summary>
    MeterValues,

    /// <summary>Boot, then a heartbeat every heartbeat interval (many idle connections).</summary>
    Idle,
}
