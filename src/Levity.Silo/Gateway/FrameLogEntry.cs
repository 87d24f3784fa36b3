using System.Collections;

namespace Levity.Silo.Gateway;

/// <summary>The properties of one frame-log record (what the JSON log writes under <c>State</c>).</summary>
internal readonly struct FrameLogEntry(string direction, string chargePointId, string messageType, string? action, string? messageId, string frame, bool frameInMessage)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string Template = "{Direction} {ChargePointId} {MessageType} {Action} {MessageId}";

    public int Count => 7;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Direction", direction),
        1 => new("ChargePointId", chargePointId),
        2 => new("MessageType", messageType),
        3 => new("Action", action),
        4 => new("MessageId", messageId),
        5 => new("Frame", frame),
        6 => new("{OriginalFormat}", frameInMessage ? Template + " {Frame}" : Template),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var head = $"{direction} {chargePointId} {messageType} {action ?? "-"} {messageId ?? "-"}";
        return frameInMessage ? head + " " + frame : head;
    }
}
