using System.Text;

namespace Levity.Tests.Ocpp.Fuzzing;

/// <summary>Turns seed frames into hostile inputs: random bytes, token soup, truncations, byte flips, splices, deep nesting, huge numbers and long strings.</summary>
internal sealed class FrameMutator(Random random, IReadOnlyList<byte[]> seeds)
{
    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", ",", ":", "2", "3", "4", "0", "-1", "1.5", "1e999", "\"id\"", "\"\"", "\"Heartbeat\"", "\"MeterValues\"",
        "\"connectorId\"", "\"value\"", "null", "true", "false", "\"\\u0000\"", "\"\\ud800\"", "\"2024-05-01T12:00:00Z\"", " ", "\n",
    ];

    public byte[] Next()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 8 => RandomBytes(),
            < 18 => TokenSoup(),
            < 33 => Truncate(Seed()),
            < 53 => Flip(Seed()),
            < 63 => Splice(Seed(), Seed()),
            < 67 => DeepNesting(),
            < 77 => HugeNumber(Seed()),
            < 82 => LongString(Seed()),
            < 92 => Delete(Seed()),
            _ => Seed(),
        };
    }

    public byte[] Seed() => seeds[random.Next(seeds.Count)];

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(0, 512)];
        random.NextBytes(bytes);
        return bytes;
    }

    private byte[] TokenSoup()
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Tokens[random.Next(Tokens.Length)]);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private byte[] Truncate(byte[] seed) => seed[..random.Next(seed.Length + 1)];

    private byte[] Flip(byte[] seed)
    {
        var copy = (byte[])seed.Clone();
        var flips = random.Next(1, 6);
        for (var i = 0; i < flips && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] = random.Next(3) switch
            {
                0 => (byte)random.Next(256),
                1 => (byte)"[]{},:\"\\0123456789-eE."[random.Next(22)],
                _ => (byte)random.Next(0x80, 0x100),
            };
        }

        return copy;
    }

    private byte[] Splice(byte[] first, byte[] second)
    {
        var cut = random.Next(first.Length + 1);
        var from = random.Next(second.Length + 1);
        return [.. first.AsSpan(0, cut), .. second.AsSpan(from)];
    }

    private byte[] Delete(byte[] seed)
    {
        if (seed.Length == 0)
        {
            return seed;
        }

        var start = random.Next(seed.Length);
        var length = random.Next(1, Math.Min(16, seed.Length - start) + 1);
        return [.. seed.AsSpan(0, start), .. seed.AsSpan(start + length)];
    }

    private byte[] DeepNesting()
    {
        var depth = random.Next(1, 5000);
        var opener = random.Next(2) == 0 ? "[" : "{\"a\":";
        var text = "[2,\"deep\",\"DataTransfer\"," + string.Concat(Enumerable.Repeat(opener, depth));
        return Encoding.UTF8.GetBytes(random.Next(2) == 0 ? text : text + "1" + new string(opener == "[" ? ']' : '}', depth) + "]");
    }

    private byte[] HugeNumber(byte[] seed)
    {
        var text = Encoding.UTF8.GetString(seed);
        var digits = text.Select((c, i) => (c, i)).Where(p => char.IsAsciiDigit(p.c)).Select(p => p.i).ToList();
        if (digits.Count == 0)
        {
            return seed;
        }

        var at = digits[random.Next(digits.Count)];
        string[] huge = ["1e400", "-1e-400", new string('9', 400), "99999999999999999999", "-2147483649", "1.0000000000000000000000000001"];
        return Encoding.UTF8.GetBytes(text[..at] + huge[random.Next(huge.Length)] + text[(at + 1)..]);
    }

    private byte[] LongString(byte[] seed)
    {
        var text = Encoding.UTF8.GetString(seed);
        var quote = text.IndexOf('"', random.Next(Math.Max(1, text.Length)));
        if (quote < 0)
        {
            return seed;
        }

        var filler = new string(random.Next(2) == 0 ? 'x' : 'é', random.Next(1_000, 70_000));
        return Encoding.UTF8.GetBytes(text[..(quote + 1)] + filler + text[(quote + 1)..]);
    }
}
