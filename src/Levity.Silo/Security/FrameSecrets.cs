using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Levity.Silo.Security;

/// <summary>
/// Hides secrets in an OCPP frame before it is logged or audited: the value of a configuration key
/// whose name says it holds a secret (AuthorizationKey, a vendor's StationPassword, ...) in a
/// ChangeConfiguration request (<c>{"key","value"}</c>) and in a GetConfiguration answer
/// (<c>configurationKey[].value</c>). Only frames with a <c>"key"</c> member are parsed, so the
/// message path pays one vectorized byte search for every other frame.
/// </summary>
public static class FrameSecrets
{
    public const string Redacted = "***";

    /// <summary>True for AuthorizationKey and any key whose name contains password, passwd or secret.</summary>
    public static bool IsSecretKey(string? name) =>
        name is not null
        && (name.Equals("AuthorizationKey", StringComparison.OrdinalIgnoreCase)
            || name.Contains("password", StringComparison.OrdinalIgnoreCase)
            || name.Contains("passwd", StringComparison.OrdinalIgnoreCase)
            || name.Contains("secret", StringComparison.OrdinalIgnoreCase));

    /// <summary>The frame itself when it holds no secret, else a copy with each secret value replaced by <see cref="Redacted"/>.</summary>
    public static ReadOnlyMemory<byte> Redact(ReadOnlyMemory<byte> frame)
    {
        if (frame.Span.IndexOf("\"key\""u8) < 0)
        {
            return frame;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(frame.Span);
        }
        catch (JsonException)
        {
            // Not JSON: it cannot be a configuration message either; logged as it came.
            return frame;
        }

        if (root is not JsonArray array || array.Count < 3 || array[^1] is not JsonObject payload || !RedactPayload(payload))
        {
            return frame;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static bool RedactPayload(JsonObject payload)
    {
        var changed = RedactEntry(payload);
        if (payload["configurationKey"] is JsonArray keys)
        {
            foreach (var entry in keys)
            {
                if (entry is JsonObject item)
                {
                    changed |= RedactEntry(item);
                }
            }
        }

        return changed;
    }

    private static bool RedactEntry(JsonObject entry)
    {
        if (entry["key"] is JsonValue key && key.TryGetValue<string>(out var name) && IsSecretKey(name) && entry.ContainsKey("value"))
        {
            entry["value"] = Redacted;
            return true;
        }

        return false;
    }
}
