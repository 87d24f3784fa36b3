using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;

namespace Levity.Client;

/// <summary>
/// <c>levity cp add|set-password|remove</c>: the charger registry (who may connect, with which
/// OCPP security profile and password), and the registry columns of <c>levity cp list</c>.
/// </summary>
internal static class ChargePointRegistryCommands
{
    public static IEnumerable<Command> Create(ClientOptions options, TextWriter output, TextWriter error) =>
        [Add(options, output, error), SetPassword(options, output, error), Remove(options, output, error)];

    private static string RegistryPath(string id) => $"api/registry/{Uri.EscapeDataString(id)}";

    private static Argument<string> IdArgument() => new("charge-point-id") { Description = "The charger's id (the last segment of its WebSocket URL)" };

    private static Option<string> PasswordOption(string whenNone) => new("--password")
    {
        Description = "The password as text (its UTF-8 bytes; 16-40 bytes). " + whenNone,
    };

    private static Option<string> PasswordHexOption() => new("--password-hex")
    {
        Description = "The password as hex, the form of the OCPP AuthorizationKey (its bytes may be binary)",
    };

    private static Command Add(ClientOptions options, TextWriter output, TextWriter error)
    {
        var id = IdArgument();
        var profile = new Option<int>("--profile")
        {
            Description = "OCPP security profile: 0 none, 1 Basic auth, 2 TLS + Basic auth, 3 TLS + client certificate (default: 0 for a new charger, unchanged for a registered one)",
        };
        profile.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 3)
            {
                r.AddError("--profile must be 0, 1, 2 or 3.");
            }
        });
        var password = PasswordOption("Without --password or --password-hex, profile 1 and 2 keep the stored password or get a generated one, shown once");
        var passwordHex = PasswordHexOption();
        var serial = new Option<string>("--serial-username")
        {
            Description = "Also accept this Basic username (chargers such as the Grizzl-E Smart send their serial number instead of their id); \"\" removes it",
        };
        var disabled = new Option<bool>("--disabled") { Description = "Register the charger but refuse its connections (without it, add enables the charger)" };
        var add = new Command("add", "Registers a charger, or updates its registration: security profile, password, serial username. A password given here replaces the stored one without telling the charger (see set-password).")
        {
            id, profile, password, passwordHex, serial, disabled,
        };
        ClientAction.Set(add, options, output, error, async (context, ct) =>
        {
            var r = context.Result;
            var body = new JsonObject { ["enabled"] = !r.GetValue(disabled) };
            if (r.GetResult(profile) is { Implicit: false })
            {
                body["securityProfile"] = r.GetValue(profile);
            }

            AddPassword(body, r.GetValue(password), r.GetValue(passwordHex));
            if (r.GetResult(serial) is { Implicit: false })
            {
                body["serialUsername"] = r.GetValue(serial);
            }

            var chargerId = r.GetValue(id)!;
            var answer = await context.Api.SendAsync(HttpMethod.Put, RegistryPath(chargerId), body.ToJsonString(), ct);
            return await context.ShowAsync(answer, a => Registered(a ?? new JsonObject()), ct);
        });
        return add;
    }

    private static Command SetPassword(ClientOptions options, TextWriter output, TextWriter error)
    {
        var id = IdArgument();
        var password = PasswordOption("Without --password or --password-hex one is generated and shown once");
        var passwordHex = PasswordHexOption();
        var set = new Command("set-password", "Changes a charger's password. A connected charger is sent ChangeConfiguration AuthorizationKey first and the new password takes effect only once it accepts; otherwise it takes effect at once.")
        {
            id, password, passwordHex,
        };
        ClientAction.Set(set, options, output, error, async (context, ct) =>
        {
            var body = new JsonObject();
            AddPassword(body, context.Result.GetValue(password), context.Result.GetValue(passwordHex));
            var chargerId = context.Result.GetValue(id)!;
            var answer = await context.Api.SendAsync(HttpMethod.Post, RegistryPath(chargerId) + "/password", body.ToJsonString(), ct);
            return await context.ShowAsync(answer, a => PasswordChanged(a ?? new JsonObject()), ct);
        });
        return set;
    }

    private static Command Remove(ClientOptions options, TextWriter output, TextWriter error)
    {
        var id = IdArgument();
        var remove = new Command("remove", "Removes a charger's registration (its history stays). Under --charger-registration known it can no longer connect.") { id };
        ClientAction.Set(remove, options, output, error, async (context, ct) =>
        {
            var chargerId = context.Result.GetValue(id)!;
            await context.Api.SendAsync(HttpMethod.Delete, RegistryPath(chargerId), null, ct);
            await context.PrintAsync($"Removed the registration of {chargerId}.{Environment.NewLine}", ct);
            return ClientExitCodes.Ok;
        });
        return remove;
    }

    /// <summary>GET /api/chargepoints and GET /api/registry as one list: every charger that connected or is registered, with its registration.</summary>
    public static async Task<JsonArray> ListAsync(ApiClient api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var chargers = await api.GetAsync("api/chargepoints", cancellationToken);
        var registry = await api.GetAsync("api/registry", cancellationToken);
        var registrations = Display.Items(registry).ToDictionary(r => Display.Text(r["chargePointId"]) ?? string.Empty, StringComparer.Ordinal);
        var merged = new JsonArray();
        foreach (var c in Display.Items(chargers))
        {
            var copy = c.DeepClone().AsObject();
            var key = Display.Text(c["chargePointId"]) ?? string.Empty;
            copy["registration"] = registrations.Remove(key, out var r) ? r.DeepClone() : null;
            merged.Add(copy);
        }

        foreach (var (key, r) in registrations)
        {
            merged.Add(new JsonObject { ["chargePointId"] = key, ["isConnected"] = false, ["registration"] = r.DeepClone() });
        }

        return merged;
    }

    public static string Profile(JsonNode? registration) => registration is null ? "-" : Display.Text(registration["securityProfile"]) ?? "-";

    public static string Registration(JsonNode? registration) => registration switch
    {
        null => "no",
        _ when !(registration["enabled"]?.GetValue<bool>() ?? true) => "disabled",
        _ => Display.Text(registration["registeredBy"]) ?? "yes",
    };

    private static void AddPassword(JsonObject body, string? password, string? passwordHex)
    {
        if (password is not null && passwordHex is not null)
        {
            throw new ClientUsageException("give --password or --password-hex, not both.");
        }

        if (password is not null)
        {
            body["password"] = password;
        }
        else if (passwordHex is not null)
        {
            body["passwordHex"] = passwordHex;
        }
    }

    private static string Registered(JsonNode a)
    {
        var text = new StringBuilder();
        text.Append("Registered ").Append(Display.Text(a["chargePointId"])).Append(" at security profile ").Append(Display.Text(a["securityProfile"]))
            .Append(Display.YesNo(a["enabled"]) == "yes" ? string.Empty : " (disabled)").AppendLine(".");
        AppendSecret(text, a);
        return text.ToString();
    }

    private static string PasswordChanged(JsonNode a)
    {
        var text = new StringBuilder();
        text.Append("Changed the password of ").Append(Display.Text(a["chargePointId"])).Append(Display.YesNo(a["sentToCharger"]) == "yes"
            ? "; the charger accepted the new AuthorizationKey."
            : "; the charger is not connected: set the password on it (or send the AuthorizationKey below once it connects).").AppendLine();
        AppendSecret(text, a);
        return text.ToString();
    }

    private static void AppendSecret(StringBuilder text, JsonNode a)
    {
        if (Display.Text(a["password"]) is { } generated)
        {
            text.Append("Password (shown only now): ").AppendLine(generated);
        }

        if (Display.Text(a["authorizationKey"]) is { } key)
        {
            text.Append("AuthorizationKey (hex): ").AppendLine(key);
        }
    }
}
