using System.Text;
using System.Text.Json;
using Levity.Silo.Security;

namespace Levity.Silo.Api;

/// <summary>
/// The body of PUT /api/registry/{id} and POST /api/registry/{id}/password, parsed by hand so
/// every refusal names its field: <c>securityProfile</c> (0-3), <c>password</c> (text, its UTF-8
/// bytes) or <c>passwordHex</c> (the AuthorizationKey form: the bytes as hex, which may be
/// binary), <c>enabled</c>, <c>serialUsername</c> (null or "" removes it).
/// </summary>
internal sealed record RegistrationBody(int? SecurityProfile, byte[]? Password, bool? Enabled, bool HasSerialUsername, string? SerialUsername)
{
    public static (RegistrationBody? Body, IResult? Error) Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new RegistrationBody(null, null, null, false, null), null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var json = document.RootElement;
            if (json.ValueKind != JsonValueKind.Object)
            {
                return Bad("The body must be a JSON object.", text);
            }

            int? profile = null;
            if (json.TryGetProperty("securityProfile", out var p))
            {
                if (p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out var value) || value is < 0 or > 3)
                {
                    return Bad("'securityProfile' must be 0, 1, 2 or 3.", p.GetRawText());
                }

                profile = value;
            }

            var hasText = json.TryGetProperty("password", out var plain) && plain.ValueKind != JsonValueKind.Null;
            var hasHex = json.TryGetProperty("passwordHex", out var hex) && hex.ValueKind != JsonValueKind.Null;
            byte[]? password = null;
            if (hasText && hasHex)
            {
                return Bad("Give 'password' or 'passwordHex', not both.", null);
            }

            if (hasText)
            {
                if (plain.ValueKind != JsonValueKind.String)
                {
                    return Bad("'password' must be a string.", plain.GetRawText());
                }

                password = Encoding.UTF8.GetBytes(plain.GetString()!);
            }
            else if (hasHex)
            {
                if (hex.ValueKind != JsonValueKind.String || !TryHex(hex.GetString()!, out password))
                {
                    return Bad("'passwordHex' must be an even number of hex digits.", null);
                }
            }

            if (password is not null && password.Length is < ChargerPassword.MinBytes or > ChargerPassword.MaxBytes)
            {
                return Bad($"The password must be {ChargerPassword.MinBytes} to {ChargerPassword.MaxBytes} bytes (OCPP 1.6 security whitepaper, AuthorizationKey).", $"{password.Length} bytes");
            }

            bool? enabled = null;
            if (json.TryGetProperty("enabled", out var e))
            {
                if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return Bad("'enabled' must be true or false.", e.GetRawText());
                }

                enabled = e.GetBoolean();
            }

            var hasSerial = json.TryGetProperty("serialUsername", out var s);
            if (hasSerial && s.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return Bad("'serialUsername' must be a string or null.", s.GetRawText());
            }

            var serial = hasSerial && s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 } given ? given : null;
            return (new RegistrationBody(profile, password, enabled, hasSerial, serial), null);
        }
        catch (JsonException e)
        {
            return Bad("The body is not valid JSON.", e.Message);
        }
    }

    private static bool TryHex(string text, out byte[]? bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text.Trim());
            return true;
        }
        catch (FormatException)
        {
            bytes = null;
            return false;
        }
    }

    private static (RegistrationBody?, IResult?) Bad(string title, string? detail) =>
        (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail));
}
