using System.Buffers.Binary;
using MessagePack;

namespace Levity.Silo.Audit.Fluentd;

/// <summary>
/// The Forward protocol's EventTime: MessagePack extension type 0 with 8 bytes, seconds then
/// nanoseconds since the Unix epoch, each a big-endian uint32 (written as fixext 8).
/// </summary>
internal static class ForwardEventTime
{
    public const sbyte ExtensionType = 0;

    private const int Length = 8;
    private const long NanosecondsPerTick = 100;

    public static void Write(ref MessagePackWriter writer, long utcTicks)
    {
        var sinceEpoch = Math.Max(0, utcTicks - DateTime.UnixEpoch.Ticks);
        var seconds = Math.Min(sinceEpoch / TimeSpan.TicksPerSecond, uint.MaxValue);
        var nanoseconds = sinceEpoch % TimeSpan.TicksPerSecond * NanosecondsPerTick;
        writer.WriteExtensionFormatHeader(new ExtensionHeader(ExtensionType, Length));
        var data = writer.GetSpan(Length);
        BinaryPrimitives.WriteUInt32BigEndian(data, (uint)seconds);
        BinaryPrimitives.WriteUInt32BigEndian(data[4..], (uint)nanoseconds);
        writer.Advance(Length);
    }
}
