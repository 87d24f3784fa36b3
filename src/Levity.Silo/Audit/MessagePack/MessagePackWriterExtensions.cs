using System.Text;
using MessagePack;
using Utf8Validation = System.Text.Unicode.Utf8;

namespace Levity.Silo.Audit.MessagePack;

/// <summary>What the audit adds to MessagePack-CSharp's <c>MessagePackWriter</c>.</summary>
internal static class MessagePackWriterExtensions
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// A str of bytes that should be UTF-8 but come from outside (a charger's frame): invalid
    /// sequences become U+FFFD, so strict decoders never fail on the record. The library's
    /// <c>WriteString(ReadOnlySpan&lt;byte&gt;)</c> copies the bytes unchecked.
    /// </summary>
    public static void WriteStringFromUtf8(ref this MessagePackWriter writer, scoped ReadOnlySpan<byte> bytes)
    {
        if (Utf8Validation.IsValid(bytes))
        {
            // WriteString(bytes) would do the same, but the compiler must then assume the writer
            // keeps the span, which a caller's stackalloc'ed scratch must not escape to.
            writer.WriteStringHeader(bytes.Length);
            bytes.CopyTo(writer.GetSpan(bytes.Length));
            writer.Advance(bytes.Length);
        }
        else
        {
            writer.Write(Utf8.GetString(bytes));
        }
    }
}
