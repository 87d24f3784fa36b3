using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Levity.Ocpp.Serialization;

/// <summary>
/// The wire names of an OCPP enum, read once per type (the only reflection here, at type
/// initialization) from <see cref="JsonStringEnumMemberNameAttribute"/> and
/// <see cref="OcppEnumAliasAttribute"/>. Members must be numbered 0..n-1, as all ours are.
/// </summary>
internal static class OcppEnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly byte[][] Names;
    private static readonly (byte[] Alias, TEnum Value)[] Aliases;

    static OcppEnumNames()
    {
        var fields = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);
        Names = new byte[fields.Length][];
        Encoded = new JsonEncodedText[fields.Length];
        var aliases = new List<(byte[], TEnum)>();
        foreach (var field in fields)
        {
            var value = (TEnum)field.GetValue(null)!;
            var index = Unsafe.As<TEnum, int>(ref value);
            if (Unsafe.SizeOf<TEnum>() != sizeof(int) || (uint)index >= (uint)fields.Length || Names[index] is not null)
            {
                throw new InvalidOperationException($"{typeof(TEnum).Name} must be an int enum numbered 0..n-1.");
            }

            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            Names[index] = Encoding.UTF8.GetBytes(name);
            Encoded[index] = JsonEncodedText.Encode(name);
            foreach (var alias in field.GetCustomAttributes<OcppEnumAliasAttribute>())
            {
                aliases.Add((Encoding.UTF8.GetBytes(alias.Alias), value));
            }
        }

        Aliases = [.. aliases];
    }

    /// <summary>Pre-encoded wire names, indexed by the enum's value.</summary>
    public static JsonEncodedText[] Encoded { get; }

    public static string GetName(TEnum value) => Encoded[Unsafe.As<TEnum, int>(ref value)].Value;

    /// <summary>
    /// Matches the exact spelling first, then ignoring ASCII case, then the aliases; reports
    /// which of the lenient matches applied.
    /// </summary>
    public static bool TryMatch(ReadOnlySpan<byte> utf8, out TEnum value, out bool caseDiffers, out bool isAlias)
    {
        caseDiffers = false;
        isAlias = false;
        for (var i = 0; i < Names.Length; i++)
        {
            if (utf8.SequenceEqual(Names[i]))
            {
                value = Unsafe.As<int, TEnum>(ref i);
                return true;
            }
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(utf8, Names[i]))
            {
                caseDiffers = true;
                value = Unsafe.As<int, TEnum>(ref i);
                return true;
            }
        }

        foreach (var (alias, aliased) in Aliases)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(utf8, alias))
            {
                isAlias = true;
                caseDiffers = !utf8.SequenceEqual(alias);
                value = aliased;
                return true;
            }
        }

        value = default;
        return false;
    }
}
