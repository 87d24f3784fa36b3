using System.Text;

namespace Levity.Ocpp;

/// <summary>Wire spellings of <see cref="OcppErrorCode"/>, without allocating on lookup.</summary>
public static class OcppErrorCodes
{
    private static readonly string[] Names = Enum.GetNames<OcppErrorCode>();
    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, Encoding.UTF8.GetBytes);

    // Spellings peers use that mean one of ours: the OCPP 2.0 rename and the correct English.
    private static readonly (byte[] Alias, OcppErrorCode Code)[] Aliases =
    [
        ("FormatViolation"u8.ToArray(), OcppErrorCode.FormationViolation),
        ("OccurrenceConstraintViolation"u8.ToArray(), OcppErrorCode.OccurenceConstraintViolation),
    ];

    /// <summary>The spec spelling of <paramref name="code"/>.</summary>
    public static string ToWireName(this OcppErrorCode code) => Names[(int)code];

    internal static ReadOnlySpan<byte> ToUtf8WireName(this OcppErrorCode code) => Utf8Names[(int)code];

    /// <summary>
    /// Maps a received error code to ours: the exact spec spelling, or a known alias
    /// ("FormatViolation", "OccurrenceConstraintViolation"). Anything else is not recognized.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out OcppErrorCode code)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (utf8.SequenceEqual(Utf8Names[i]))
            {
                code = (OcppErrorCode)i;
                return true;
            }
        }

        foreach (var (alias, aliased) in Aliases)
        {
            if (utf8.SequenceEqual(alias))
            {
                code = aliased;
                return true;
            }
        }

        code = OcppErrorCode.GenericError;
        return false;
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{byte}, out OcppErrorCode)"/>
    public static bool TryParse(string value, out OcppErrorCode code)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(Encoding.UTF8.GetBytes(value), out code);
    }
}
