using System.Buffers;
using MessagePack;

namespace Levity.Tests.Audit.Support;

/// <summary>Writes with the library's writer, which is a ref struct and so cannot be an <c>Action</c>'s argument.</summary>
internal delegate void MessagePackWrite(ref MessagePackWriter writer);

/// <summary>The bytes a test writes with MessagePack-CSharp's <c>MessagePackWriter</c>.</summary>
internal static class MessagePackBytes
{
    public static byte[] Of(MessagePackWrite write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
