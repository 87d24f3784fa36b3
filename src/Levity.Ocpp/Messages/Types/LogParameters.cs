namespace Levity.Ocpp.Messages;

/// <summary>Where to upload a log and which time range it covers.</summary>
/// <remarks>Schema limits: remoteLocation at most 512 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.LogParameters")]
public sealed record LogParameters(
    string RemoteLocation,
    DateTimeOffset? OldestTimestamp = null,
    DateTimeOffset? LatestTimestamp = null);
