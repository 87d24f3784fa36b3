namespace Levity.Tests.Audit.Support;

/// <summary>One event as the in-test Fluentd received it.</summary>
internal sealed record ForwardEvent(string Tag, long Seconds, long Nanoseconds, Dictionary<object, object?> Record)
{
    public object? this[string key] => Record.GetValueOrDefault(key);

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds(Seconds).AddTicks(Nanoseconds / 100);

    /// <summary>The decoded "msg" map of an ocpp record.</summary>
    public Dictionary<object, object?> Msg => (Dictionary<object, object?>)Record["msg"]!;

    public override string ToString() =>
        $"{Tag} {string.Join(' ', Record.Where(kv => kv.Key is not "msg").Select(kv => $"{kv.Key}={kv.Value}"))}";
}
