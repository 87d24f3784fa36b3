using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;

namespace Levity.Client;

/// <summary><c>levity cp list|show|call|set</c> (and add|set-password|remove, <see cref="ChargePointRegistryCommands"/>): chargers through the operator API.</summary>
internal static class ChargePointCommands
{
    public static Command Create(TextWriter output, TextWriter error, Func<TextReader>? input = null)
    {
        input ??= () => Console.In;
        var options = new ClientOptions();
        var cp = new Command("cp", "Chargers, through a running server's operator API. " + ClientExitCodes.HelpText);
        options.AddTo(cp);
        cp.Subcommands.Add(List(options, output, error));
        cp.Subcommands.Add(Show(options, output, error));
        cp.Subcommands.Add(Call(options, output, error, input));
        foreach (var command in ChargePointRegistryCommands.Create(options, output, error))
        {
            cp.Subcommands.Add(command);
        }

        cp.Subcommands.Add(ChargerLoadCommand.Create(options, output, error));
        return cp;
    }

    private static Command List(ClientOptions options, TextWriter output, TextWriter error)
    {
        var list = new Command("list", "Every charger that ever connected or is registered, with its live state, security profile and registration.");
        ClientAction.Set(list, options, output, error, async (context, ct) =>
        {
            var chargers = await ChargePointRegistryCommands.ListAsync(context.Api, ct);
            return await context.ShowAsync(chargers, ListText, ct);
        });
        return list;
    }

    private static string ListText(JsonNode? chargers)
    {
        var table = new TableWriter("ID", "ONLINE", "STATUS", "CONNECTORS", "OPEN TX", "VENDOR", "MODEL", "FIRMWARE", "LAST MESSAGE (UTC)", "PROFILE", "REGISTERED").AlignRight(4);
        foreach (var c in Display.Items(chargers).OrderBy(c => Display.Text(c["chargePointId"]), StringComparer.Ordinal))
        {
            table.Add(
                Display.Text(c["chargePointId"]),
                Display.YesNo(c["isConnected"]),
                Display.Text(c["status"]),
                string.Join(' ', Display.Items(c["connectors"]).Select(k => $"{Display.Text(k["connectorId"])}:{Display.Text(k["status"])}")),
                Display.Items(c["openTransactions"]).Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
                Display.Text(c["vendor"]),
                Display.Text(c["model"]),
                Display.Text(c["firmwareVersion"]),
                Display.Time(c["lastMessageAt"]),
                ChargePointRegistryCommands.Profile(c["registration"]),
                ChargePointRegistryCommands.Registration(c["registration"]));
        }

        return table.Count == 0 ? "No chargers have connected yet." + Environment.NewLine : table.ToString();
    }

    private static Command Show(ClientOptions options, TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("charge-point-id") { Description = "The charger's id (the last segment of its WebSocket URL)" };
        var show = new Command("show", "One charger: identity, connection, connectors, open transactions.") { id };
        ClientAction.Set(show, options, output, error, async (context, ct) =>
        {
            var charger = await context.Api.GetAsync($"api/chargepoints/{Uri.EscapeDataString(context.Result.GetValue(id)!)}", ct);
            return await context.ShowAsync(charger, c => Describe(c ?? new JsonObject()), ct);
        });
        return show;
    }

    private static string Describe(JsonNode c)
    {
        var text = new StringBuilder();
        text.Append("Charger ").Append(Display.Text(c["chargePointId"])).AppendLine();
        var identity = new TableWriter("FIELD", "VALUE") { ShowHeader = false };
        identity.Add("Vendor", Display.Text(c["vendor"]));
        identity.Add("Model", Display.Text(c["model"]));
        identity.Add("Serial number", Display.Text(c["serialNumber"]));
        identity.Add("Firmware", Display.Text(c["firmwareVersion"]));
        identity.Add("Status", Display.Text(c["status"]));
        identity.Add("Firmware update", Display.Text(c["firmwareStatus"]));
        identity.Add("Diagnostics upload", Display.Text(c["diagnosticsStatus"]));
        identity.WriteTo(text, "  ");

        text.AppendLine().AppendLine("Connection");
        var connection = new TableWriter("FIELD", "VALUE") { ShowHeader = false };
        connection.Add("Connected", Display.YesNo(c["isConnected"]));
        connection.Add("Since (UTC)", Display.Time(c["connection"]?["connectedAt"]));
        connection.Add("Remote address", Display.Text(c["connection"]?["remoteAddress"]));
        connection.Add("Subprotocol", Display.Text(c["connection"]?["subProtocol"]));
        connection.Add("Last boot (UTC)", Display.Time(c["lastBootAt"]));
        connection.Add("Last heartbeat (UTC)", Display.Time(c["lastHeartbeatAt"]));
        connection.Add("Last message (UTC)", Display.Time(c["lastMessageAt"]));
        connection.WriteTo(text, "  ");

        text.AppendLine().AppendLine("Connectors");
        var connectors = new TableWriter("CONNECTOR", "STATUS", "ERROR", "UPDATED (UTC)").AlignRight(0);
        foreach (var k in Display.Items(c["connectors"]))
        {
            connectors.Add(Display.Text(k["connectorId"]), Display.Text(k["status"]), Display.Text(k["errorCode"]), Display.Time(k["updatedAt"]));
        }

        if (connectors.Count == 0)
        {
            text.AppendLine("  none reported");
        }
        else
        {
            connectors.WriteTo(text, "  ");
        }

        text.AppendLine().AppendLine("Open transactions");
        var open = new TableWriter("TX", "CONNECTOR", "ID TAG", "STARTED (UTC)", "METER START Wh", "METER NOW Wh", "ENERGY kWh", "READ AT (UTC)").AlignRight(0, 1, 4, 5, 6);
        foreach (var t in Display.Items(c["openTransactions"]))
        {
            var start = Display.Number(t["meterStart"]);
            var now = Display.Number(t["lastEnergyWh"]);
            open.Add(
                Display.Text(t["transactionId"]),
                Display.Text(t["connectorId"]),
                Display.Text(t["idTag"]),
                Display.Time(t["startTime"]),
                Display.Wh(start),
                Display.Wh(now),
                Display.Kwh((now ?? start) - start),
                Display.Time(t["lastEnergyAt"]));
        }

        if (open.Count == 0)
        {
            text.AppendLine("  none");
        }
        else
        {
            open.WriteTo(text, "  ");
        }

        return text.ToString();
    }

    private static Command Call(ClientOptions options, TextWriter output, TextWriter error, Func<TextReader> input)
    {
        var id = new Argument<string>("charge-point-id") { Description = "The charger's id" };
        var action = new Argument<string>("action") { Description = "An OCPP 1.6 action the central system sends: Reset, RemoteStartTransaction, GetConfiguration, ..." };
        var payload = new Argument<string>("payload")
        {
            Description = "The request payload as a JSON object (default {}); - reads it from stdin",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "{}",
        };
        var call = new Command("call", "Sends an OCPP request to the charger and prints its answer; a CALLERROR answer exits with 1.") { id, action, payload };
        ClientAction.Set(call, options, output, error, async (context, ct) =>
        {
            var chargerId = context.Result.GetValue(id)!;
            var actionName = context.Result.GetValue(action)!;
            var given = context.Result.GetValue(payload) ?? "{}";
            var body = given == "-"
                ? ClientArguments.Payload(await input().ReadToEndAsync(ct), "from stdin")
                : ClientArguments.Payload(given, "argument");

            var answer = await context.Api.SendAsync(
                HttpMethod.Post,
                $"api/chargepoints/{Uri.EscapeDataString(chargerId)}/calls/{Uri.EscapeDataString(actionName)}",
                body.ToJsonString(),
                ct);
            await context.PrintJsonAsync(answer, ct);
            if (answer?["callError"] is JsonObject callError)
            {
                var details = callError["details"] is JsonObject { Count: > 0 } or JsonValue ? $" (details: {callError["details"]!.ToJsonString()})" : string.Empty;
                await context.ErrorAsync($"{chargerId} answered {actionName} with CALLERROR {Display.Text(callError["code"])}: {Display.Text(callError["description"])}{details}", ct);
                return ClientExitCodes.ServerError;
            }

            return ClientExitCodes.Ok;
        });
        return call;
    }
}
