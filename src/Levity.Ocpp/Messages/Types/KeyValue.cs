namespace Levity.Ocpp.Messages;

/// <summary>One configuration key as returned by GetConfiguration.</summary>
/// <remarks>Schema limits: key at most 50 characters; value at most 500 characters.</remarks>
public sealed record KeyValue(
    string Key,
    bool Readonly,
    string? Value = null);
