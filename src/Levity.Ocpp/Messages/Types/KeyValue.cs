namespace Levity.Ocpp.Messages;

/// <summary>One configuration key as returned by GetConfiguration.</summary>
/// <remarks>Schema limits: key at most 50 characters; value at most 500 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.KeyValue")]
public sealed record KeyValue(
    string Key,
    bool Readonly,
    string? Value = null);
