using System.Diagnostics.CodeAnalysis;

namespace Levity.Ocpp.Serialization;

/// <summary>
/// OCPP date-times: RFC 3339 / ISO 8601 <c>YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)</c>, read
/// with or without the fraction, with or without the offset (then the caller decides whether
/// to take it as UTC), and always written as UTC with milliseconds: <c>2026-11-21T11:41:37.907Z</c>.
/// </summary>
public static class OcppDateTime
{
    /// <summary>Length of what <see cref="Format"/> writes.</summary>
    public const int FormattedLength = 24;

    /// <summary>
    /// Parses an OCPP date-time. The result is normalized to UTC (offset zero).
    /// <paramref name="hasOffset"/> is false when the text carried no zone designator, in which
    /// case it was read as UTC.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value, out bool hasOffset)
    {
        value = default;
        hasOffset = false;
        // Shortest valid form: "2024-01-01T00:00:00" (19 bytes).
        if (utf8.Length < 19 || utf8.Length > 64)
        {
            return false;
        }

        if (!TryDigits(utf8, 0, 4, out var year) || utf8[4] != '-' ||
            !TryDigits(utf8, 5, 2, out var month) || utf8[7] != '-' ||
            !TryDigits(utf8, 8, 2, out var day) || (utf8[10] | 0x20) != 't' ||
            !TryDigits(utf8, 11, 2, out var hour) || utf8[13] != ':' ||
            !TryDigits(utf8, 14, 2, out var minute) || utf8[16] != ':' ||
            !TryDigits(utf8, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var pos = 19;
        long fractionTicks = 0;
        if (pos < utf8.Length && utf8[pos] == '.')
        {
            pos++;
            var start = pos;
            long scale = TimeSpan.TicksPerSecond;
            while (pos < utf8.Length && IsDigit(utf8[pos]))
            {
                // Ticks are 100 ns: digits beyond the 7th are dropped, not rounded.
                if (scale > 1)
                {
                    scale /= 10;
                    fractionTicks += (utf8[pos] - '0') * scale;
                }

                pos++;
            }

            if (pos == start)
            {
                return false;
            }
        }

        long offsetTicks = 0;
        if (pos < utf8.Length)
        {
            var designator = utf8[pos];
            if ((designator | 0x20) == 'z' && pos + 1 == utf8.Length)
            {
                hasOffset = true;
            }
            else if ((designator == '+' || designator == '-') && pos + 6 == utf8.Length &&
                     TryDigits(utf8, pos + 1, 2, out var offsetHours) && utf8[pos + 3] == ':' &&
                     TryDigits(utf8, pos + 4, 2, out var offsetMinutes) && offsetHours <= 23 && offsetMinutes <= 59)
            {
                hasOffset = true;
                offsetTicks = (offsetHours * TimeSpan.TicksPerHour) + (offsetMinutes * TimeSpan.TicksPerMinute);
                if (designator == '-')
                {
                    offsetTicks = -offsetTicks;
                }
            }
            else
            {
                return false;
            }
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utcTicks = localTicks - offsetTicks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{byte}, out DateTimeOffset, out bool)"/>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateTimeOffset value, out bool hasOffset)
    {
        if (text is null || text.Length > 64)
        {
            value = default;
            hasOffset = false;
            return false;
        }

        Span<byte> utf8 = stackalloc byte[64 * 3];
        var length = System.Text.Encoding.UTF8.GetBytes(text, utf8);
        return TryParse(utf8[..length], out value, out hasOffset);
    }

    /// <summary>Writes <paramref name="value"/> as UTC with milliseconds; returns <see cref="FormattedLength"/>.</summary>
    public static int Format(DateTimeOffset value, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, FormattedLength, nameof(destination));
        var utc = value.UtcDateTime;
        Write4(destination, 0, utc.Year);
        destination[4] = (byte)'-';
        Write2(destination, 5, utc.Month);
        destination[7] = (byte)'-';
        Write2(destination, 8, utc.Day);
        destination[10] = (byte)'T';
        Write2(destination, 11, utc.Hour);
        destination[13] = (byte)':';
        Write2(destination, 14, utc.Minute);
        destination[16] = (byte)':';
        Write2(destination, 17, utc.Second);
        destination[19] = (byte)'.';
        var millis = utc.Millisecond;
        destination[20] = (byte)('0' + (millis / 100));
        Write2(destination, 21, millis % 100);
        destination[23] = (byte)'Z';
        return FormattedLength;
    }

    /// <summary>The wire form of <paramref name="value"/>, e.g. <c>2026-11-21T11:41:37.907Z</c>.</summary>
    public static string ToWireString(DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[FormattedLength];
        Format(value, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool TryDigits(ReadOnlySpan<byte> utf8, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(utf8[i]))
            {
                return false;
            }

            value = (value * 10) + (utf8[i] - '0');
        }

        return true;
    }

    private static void Write2(Span<byte> destination, int at, int value)
    {
        destination[at] = (byte)('0' + (value / 10));
        destination[at + 1] = (byte)('0' + (value % 10));
    }

    private static void Write4(Span<byte> destination, int at, int value)
    {
        Write2(destination, at, value / 100);
        Write2(destination, at + 2, value % 100);
    }
}
