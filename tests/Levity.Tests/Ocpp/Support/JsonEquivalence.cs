using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Levity.Tests.Ocpp.Support;

/// <summary>
/// JSON equality up to property order, number spelling (16.50 == 16.5) and date-time spelling
/// (the same instant written with another offset or precision).
/// </summary>
internal static class JsonEquivalence
{
    public static void AssertEquivalent(string expectedJson, string actualJson)
    {
        var difference = FindDifference(JsonNode.Parse(expectedJson), JsonNode.Parse(actualJson), "$");
        Assert.True(difference is null, $"{difference}\nexpected: {expectedJson}\nactual:   {actualJson}");
    }

    private static string? FindDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{path}: expected null";
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return $"{path}: expected an object";
                }

                var keys = expectedObject.Select(p => p.Key).Order().ToList();
                if (!keys.SequenceEqual(actualObject.Select(p => p.Key).Order()))
                {
                    return $"{path}: properties differ";
                }

                return keys.Select(k => FindDifference(expectedObject[k], actualObject[k], $"{path}.{k}")).FirstOrDefault(d => d is not null);
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || actualArray.Count != expectedArray.Count)
                {
                    return $"{path}: arrays differ";
                }

                return expectedArray.Select((e, i) => FindDifference(e, actualArray[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            default:
                return SameValue(expected.AsValue(), actual as JsonValue) ? null : $"{path}: {expected.ToJsonString()} != {actual?.ToJsonString()}";
        }
    }

    private static bool SameValue(JsonValue expected, JsonValue? actual)
    {
        if (actual is null || expected.GetValueKind() != actual.GetValueKind())
        {
            return false;
        }

        return expected.GetValueKind() switch
        {
            JsonValueKind.Number => decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) ==
                                    decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.String => expected.GetValue<string>() == actual.GetValue<string>() || SameInstant(expected.GetValue<string>(), actual.GetValue<string>()),
            _ => expected.ToJsonString() == actual.ToJsonString(),
        };
    }

    private static bool SameInstant(string expected, string actual) =>
        expected.Length >= 19 && expected[10] == 'T' &&
        DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a) &&
        DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var b) &&
        a == b;
}
