using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Levity.Client;

/// <summary>How values from the API's JSON are shown in tables: UTC times, kWh with 3 decimals, "-" for nothing.</summary>
internal static class Display
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Labels and descriptions may hold non-ASCII text; a terminal shows it better unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Json(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";

    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    public static string? Time(JsonNode? node) =>
        Text(node) is { Length: > 0 } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)
            : Text(node);

    public static double? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    public static string? Wh(double? wh) => wh?.ToString("0.###", CultureInfo.InvariantCulture);

    public static string? Kwh(double? wh) => (wh / 1000.0)?.ToString("0.000", CultureInfo.InvariantCulture);

    public static string YesNo(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var b) && b ? "yes" : "no";

    public static IEnumerable<JsonNode> Items(JsonNode? node) =>
        node is JsonArray array ? array.Where(n => n is not null).Select(n => n!) : [];
}
