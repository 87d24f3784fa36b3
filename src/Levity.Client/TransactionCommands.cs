using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Levity.Client;

/// <summary><c>levity tx list|show|close</c>: charging transactions through the operator API.</summary>
internal static class TransactionCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new ClientOptions();
        var tx = new Command("tx", "Charging transactions, through a running server's operator API. " + ClientExitCodes.HelpText);
        options.AddTo(tx);
        tx.Subcommands.Add(List(options, output, error));
        tx.Subcommands.Add(Show(options, output, error));
        tx.Subcommands.Add(Close(options, output, error));
        return tx;
    }

    private static Command List(ClientOptions options, TextWriter output, TextWriter error)
    {
        var active = new Option<bool>("--active") { Description = "Only open transactions" };
        var closed = new Option<bool>("--closed") { Description = "Only finished transactions" };
        var cp = new Option<string?>("--cp") { Description = "Only this charger's transactions" };
        var idTag = new Option<string?>("--id-tag") { Description = "Only transactions started with this id tag" };
        var from = new Option<string?>("--from") { Description = "Only transactions started at or after this UTC date/time (2026-11-01 or 2026-11-01T18:00:00Z)" };
        var to = new Option<string?>("--to") { Description = "Only transactions started before this UTC date/time" };
        var limit = new Option<int?>("--limit") { Description = "At most this many (the server's default page when not given)", CustomParser = r => ClientArguments.Count(r, "--limit", 1) };
        var offset = new Option<int?>("--offset") { Description = "Skip this many (for the next page)", CustomParser = r => ClientArguments.Count(r, "--offset", 0) };
        var list = new Command("list", "Transactions, newest first, with their energy; one page at a time (--limit, default 50 on the server; --offset).") { active, closed, cp, idTag, from, to, limit, offset };
        list.Validators.Add(r =>
        {
            if (r.GetValue(active) && r.GetValue(closed))
            {
                r.AddError("--active and --closed exclude each other.");
            }
        });
        ClientAction.Set(list, options, output, error, async (context, ct) =>
        {
            var r = context.Result;
            var query = new List<string>();
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }

            Add("chargePointId", r.GetValue(cp));
            Add("idTag", r.GetValue(idTag));
            Add("active", r.GetValue(active) ? "true" : r.GetValue(closed) ? "false" : null);
            Add("from", r.GetValue(from) is { } since ? ClientArguments.IsoTime(since, "--from") : null);
            Add("to", r.GetValue(to) is { } until ? ClientArguments.IsoTime(until, "--to") : null);
            Add("limit", r.GetValue(limit)?.ToString(CultureInfo.InvariantCulture));
            Add("offset", r.GetValue(offset)?.ToString(CultureInfo.InvariantCulture));

            var page = await context.Api.GetAsync("api/transactions" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query)), ct);
            return await context.ShowAsync(page, ListText, ct);
        });
        return list;
    }

    private static string ListText(JsonNode? page)
    {
        var table = new TableWriter("TX", "CHARGER", "CONN", "ID TAG", "STARTED (UTC)", "STOPPED (UTC)", "ENERGY Wh", "ENERGY kWh", "STATUS", "STOP REASON").AlignRight(0, 2, 6, 7);
        var items = Display.Items(page?["items"]).ToList();
        foreach (var t in items)
        {
            var energy = Energy(t);
            table.Add(
                Display.Text(t["transactionId"]),
                Display.Text(t["chargePointId"]),
                Display.Text(t["connectorId"]),
                Display.Text(t["idTag"]),
                Display.Time(t["startTime"]),
                Display.Time(t["stopTime"]),
                Display.Wh(energy),
                Display.Kwh(energy),
                Display.Text(t["status"]),
                Display.Text(t["stopReason"]));
        }

        var text = new StringBuilder();
        if (items.Count == 0)
        {
            text.AppendLine("No transactions match.");
        }
        else
        {
            table.WriteTo(text);
            var first = (int)(Display.Number(page?["offset"]) ?? 0);
            var total = Display.Number(page?["total"]);
            text.Append(CultureInfo.InvariantCulture, $"{first + 1}-{first + items.Count} of {Display.Wh(total) ?? "?"} transactions");
            if (total > first + items.Count)
            {
                text.Append(CultureInfo.InvariantCulture, $"; --offset {first + items.Count} for more");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static Command Show(ClientOptions options, TextWriter output, TextWriter error)
    {
        var id = new Argument<int>("transaction-id") { Description = "The OCPP transactionId" };
        var show = new Command("show", "One transaction with its meter values.") { id };
        ClientAction.Set(show, options, output, error, async (context, ct) =>
        {
            var tx = await context.Api.GetAsync($"api/transactions/{context.Result.GetValue(id).ToString(CultureInfo.InvariantCulture)}", ct);
            return await context.ShowAsync(tx, ShowText, ct);
        });
        return show;
    }

    private static string ShowText(JsonNode? tx)
    {
        var text = new StringBuilder();
        Describe(tx ?? new JsonObject(), text);
        text.AppendLine().AppendLine("Meter values");
        var values = new TableWriter("TIME (UTC)", "CONN", "MEASURAND", "VALUE", "UNIT", "CONTEXT", "PHASE", "LOCATION").AlignRight(1, 3);
        foreach (var v in Display.Items(tx?["meterValues"]))
        {
            values.Add(
                Display.Time(v["timestamp"]),
                Display.Text(v["connectorId"]),
                Display.Text(v["measurand"]),
                Display.Text(v["value"]),
                Display.Text(v["unit"]),
                Display.Text(v["context"]),
                Display.Text(v["phase"]),
                Display.Text(v["location"]));
        }

        if (values.Count == 0)
        {
            text.AppendLine("  none");
        }
        else
        {
            values.WriteTo(text, "  ");
        }

        return text.ToString();
    }

    private static Command Close(ClientOptions options, TextWriter output, TextWriter error)
    {
        var id = new Argument<int>("transaction-id") { Description = "The OCPP transactionId" };
        var reason = new Option<string?>("--reason") { Description = "Stop reason to record (the server's default when not given)" };
        var close = new Command("close", "Closes an open transaction the charger will never stop (lost, replaced, offline for good) in the database, at its last meter reading; nothing is sent to the charger.") { id, reason };
        ClientAction.Set(close, options, output, error, async (context, ct) =>
        {
            var body = new JsonObject();
            if (context.Result.GetValue(reason) is { Length: > 0 } given)
            {
                body["reason"] = given;
            }

            var tx = await context.Api.SendAsync(HttpMethod.Post, $"api/transactions/{context.Result.GetValue(id).ToString(CultureInfo.InvariantCulture)}/close", body.ToJsonString(), ct);
            return await context.ShowAsync(
                tx,
                t =>
                {
                    var text = new StringBuilder();
                    text.Append(CultureInfo.InvariantCulture, $"Closed transaction {context.Result.GetValue(id)}.").AppendLine();
                    Describe(t ?? new JsonObject(), text);
                    return text.ToString();
                },
                ct);
        });
        return close;
    }

    private static void Describe(JsonNode t, StringBuilder text)
    {
        text.Append("Transaction ").Append(Display.Text(t["transactionId"])).AppendLine();
        var energy = Energy(t);
        var fields = new TableWriter("FIELD", "VALUE") { ShowHeader = false };
        fields.Add("Charger", Display.Text(t["chargePointId"]));
        fields.Add("Connector", Display.Text(t["connectorId"]));
        fields.Add("Status", Display.Text(t["status"]));
        fields.Add("Id tag", Display.Text(t["idTag"]));
        fields.Add("Started (UTC)", Display.Time(t["startTime"]));
        fields.Add("Stopped (UTC)", Display.Time(t["stopTime"]));
        fields.Add("Stop reason", Display.Text(t["stopReason"]));
        fields.Add("Stopped by id tag", Display.Text(t["stopIdTag"]));
        fields.Add("Meter start (Wh)", Display.Wh(Display.Number(t["meterStart"])));
        fields.Add("Meter stop (Wh)", Display.Wh(Display.Number(t["meterStop"])));
        fields.Add("Energy", energy is null ? null : $"{Display.Kwh(energy)} kWh ({Display.Wh(energy)} Wh)");
        fields.Add("Reservation", Display.Text(t["reservationId"]));
        fields.WriteTo(text, "  ");
    }

    /// <summary>The server's energyWh, else meterStop - meterStart when both are known.</summary>
    private static double? Energy(JsonNode t) =>
        Display.Number(t["energyWh"]) ?? Display.Number(t["meterStop"]) - Display.Number(t["meterStart"]);
}
