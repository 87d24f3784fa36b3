namespace Levity.Silo.Audit.Fluentd;

/// <summary>One encoded PackedForward message of a batch: where it is, what it carries, whether Fluentd has it.</summary>
internal sealed class ForwardMessage(int offset, int length, string tag, int records, string? chunk)
{
    public int Offset { get; } = offset;

    public int Length { get; } = length;

    public string Tag { get; } = tag;

    public int Records { get; } = records;

    /// <summary>The chunk id Fluentd echoes in its ack; null without --fluentd-require-ack.</summary>
    public string? Chunk { get; } = chunk;

    /// <summary>Written (no acks) or acknowledged (acks): never sent again.</summary>
    public bool Delivered { get; set; }
}
