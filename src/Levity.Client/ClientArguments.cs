using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Levity.Client;

/// <summary>Checks of arguments the parser takes as plain strings; a bad one is a usage error (exit 2) before any request.</summary>
internal static class ClientArguments
{
    /// <summary>A date/time as the operator typed it (assumed UTC when it has no offset), as ISO 8601 UTC.</summary>
    public static string IsoTime(string value, string option)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time))
        {
            throw new ClientUsageException($"{option} must be a date or date and time such as 2026-11-01 or 2026-11-01T18:30:00Z, not '{value}'.");
        }

        return time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>, for an option's CustomParser.</summary>
    public static int? Count(System.CommandLine.Parsing.ArgumentResult result, string option, int minimum)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        result.AddError($"{option} must be a whole number of at least {minimum}, not '{text}'.");
        return null;
    }

    /// <summary>An OCPP request payload: a JSON object.</summary>
    public static JsonObject Payload(string text, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ClientUsageException($"the payload {source} is not valid JSON: {e.Message}");
        }

        return node as JsonObject ?? throw new ClientUsageException($"the payload {source} must be a JSON object such as {{\"type\":\"Soft\"}}, not {node?.ToJsonString() ?? "null"}.");
    }
}
