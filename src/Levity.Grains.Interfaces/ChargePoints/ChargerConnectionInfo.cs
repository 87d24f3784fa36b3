namespace Levity.Grains.Interfaces.ChargePoints;

/// <summary>A WebSocket session of a charger; <see cref="Generation"/> orders sessions.</summary>
[GenerateSerializer, Immutable, Alias("levity.ChargerConnectionInfo")]
public sealed record ChargerConnectionInfo(long Generation, string? RemoteAddress, string? SubProtocol, DateTimeOffset ConnectedAt);
