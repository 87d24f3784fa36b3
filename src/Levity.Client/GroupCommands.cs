using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Levity.Client;

/// <summary><c>levity group list|show|set|delete</c>: load groups (site load management), through the operator API.</summary>
internal static class GroupCommands
{
    public static System.CommandLine.Command Create(TextWriter output, TextWriter error)
    {
        var options = new ClientOptions();
        var group = new System.CommandLine.Command("group", "Load groups: chargers sharing one supply limit (docs/load-management.md), through a running server's operator API. " + ClientExitCodes.HelpText);
        options.AddTo(group);
        group.Subcommands.Add(List(options, output, error));
        group.Subcommands.Add(Show(options, output, error));
        group.Subcommands.Add(Set(options, output, error));
        group.Subcommands.Add(Delete(options, output, error));
        return group;
    }

    private static System.CommandLine.Argument<string> NameArgument() => new("name") { Description = "The group's name" };

    private static string GroupPath(string name) => $"api/groups/{Uri.EscapeDataString(name)}";

    private static System.CommandLine.Command List(ClientOptions options, TextWriter output, TextWriter error)
    {
        var list = new System.CommandLine.Command("list", "Every load group with its limit, parent and chargers.");
        ClientAction.Set(list, options, output, error, async (context, ct) =>
        {
            var groups = await context.Api.GetAsync("api/groups", ct);
            return await context.ShowAsync(groups, ListText, ct);
        });
        return list;
    }

    private static string ListText(JsonNode? groups)
    {
        var table = new TableWriter("GROUP", "LIMIT (A)", "PARENT", "CHARGERS").AlignRight(1);
        foreach (var g in Display.Items(groups))
        {
            table.Add(Display.Text(g["name"]), Display.Text(g["limitAmps"]), Display.Text(g["parent"]), string.Join(',', Display.Items(g["chargers"]).Select(c => Display.Text(c))));
        }

        return table.Count == 0 ? "No load groups." + Environment.NewLine : table.ToString();
    }

    private static System.CommandLine.Command Show(ClientOptions options, TextWriter output, TextWriter error)
    {
        var name = NameArgument();
        var show = new System.CommandLine.Command("show", "One load group: its limit, chargers, current per phase and each connector's allocation with the reason.") { name };
        ClientAction.Set(show, options, output, error, async (context, ct) =>
        {
            var group = await context.Api.GetAsync(GroupPath(context.Result.GetValue(name)!), ct);
            return await context.ShowAsync(group, g => Describe(g ?? new JsonObject()), ct);
        });
        return show;
    }

    private static string Describe(JsonNode g)
    {
        var text = new StringBuilder();
        text.Append("Load group ").Append(Display.Text(g["name"])).Append(": ").Append(Display.Text(g["limitAmps"])).Append(" A per phase");
        if (Display.Text(g["parent"]) is { Length: > 0 } parent)
        {
            text.Append(", inside ").Append(parent);
        }

        text.AppendLine().Append("Chargers: ").AppendLine(string.Join(',', Display.Items(g["chargers"]).Select(c => Display.Text(c))));
        var groups = new TableWriter("GROUP", "LIMIT", "ALLOCATED L1/L2/L3", "MEASURED L1/L2/L3");
        foreach (var x in Display.Items(g["groups"]))
        {
            groups.Add(Display.Text(x["name"]), Display.Text(x["limitAmps"]), Phases(x["allocatedAmps"]), Phases(x["measuredAmps"]));
        }

        if (groups.Count > 0)
        {
            text.AppendLine();
            groups.WriteTo(text, "  ");
        }

        var connectors = new TableWriter("CHARGER", "CONNECTOR", "AMPS", "MEASURED", "WHY").AlignRight(2);
        foreach (var c in Display.Items(g["connectors"]))
        {
            connectors.Add(Display.Text(c["chargePointId"]), Display.Text(c["connectorId"]), Display.Text(c["amps"]), Display.Text(c["measuredAmps"]), Display.Text(c["reason"]));
        }

        text.AppendLine();
        if (connectors.Count == 0)
        {
            text.AppendLine("  No car is charging.");
        }
        else
        {
            connectors.WriteTo(text, "  ");
        }

        return text.ToString();
    }

    private static string Phases(JsonNode? values) =>
        string.Join('/', Display.Items(values).Select(v => (Display.Number(v) ?? 0).ToString("0.#", CultureInfo.InvariantCulture)));

    private static System.CommandLine.Command Set(ClientOptions options, TextWriter output, TextWriter error)
    {
        var name = NameArgument();
        var limit = new System.CommandLine.Option<double?>("--limit") { Description = "The limit in amperes on each phase (required for a new group)" };
        var chargers = new System.CommandLine.Option<string?>("--chargers") { Description = "Comma-separated charger ids, or id:connector for one connector (replaces the list; \"\" empties it)" };
        var parent = new System.CommandLine.Option<string?>("--parent") { Description = "The enclosing group (a circuit inside a site); \"\" makes it a site" };
        var set = new System.CommandLine.Command(
            "set",
            "Creates the load group or changes it. Options not given keep their current value. Per-charger minimum, maximum and phases: 'levity cp set'.")
        {
            name, limit, chargers, parent,
        };
        ClientAction.Set(set, options, output, error, async (context, ct) =>
        {
            var r = context.Result;
            var group = r.GetValue(name)!;
            JsonNode? current = null;
            try
            {
                current = await context.Api.GetAsync(GroupPath(group), ct);
            }
            catch (ApiErrorException e) when (e.Status == HttpStatusCode.NotFound)
            {
            }

            var newLimit = r.GetValue(limit) ?? Display.Number(current?["limitAmps"]);
            if (newLimit is null)
            {
                throw new ClientUsageException($"Group '{group}' does not exist yet: give its --limit.");
            }

            var body = new JsonObject
            {
                ["limitAmps"] = newLimit,
                ["parent"] = r.GetValue(parent) is { } p ? (p.Length == 0 ? null : p) : Display.Text(current?["parent"]),
                ["chargers"] = r.GetValue(chargers) is { } list
                    ? new JsonArray([.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => (JsonNode)c)])
                    : current?["chargers"]?.DeepClone() ?? new JsonArray(),
            };
            var saved = await context.Api.SendAsync(HttpMethod.Put, GroupPath(group), body.ToJsonString(), ct);
            return await context.ShowAsync(saved, s => $"{(current is null ? "Created" : "Updated")} load group {group}.{Environment.NewLine}{ListText(new JsonArray(s?.DeepClone() ?? body))}", ct);
        });
        return set;
    }

    private static System.CommandLine.Command Delete(ClientOptions options, TextWriter output, TextWriter error)
    {
        var name = NameArgument();
        var delete = new System.CommandLine.Command("delete", "Deletes the load group; its chargers are no longer managed (refused while a group has it as parent).") { name };
        ClientAction.Set(delete, options, output, error, async (context, ct) =>
        {
            var group = context.Result.GetValue(name)!;
            await context.Api.SendAsync(HttpMethod.Delete, GroupPath(group), null, ct);
            if (!context.Json)
            {
                await context.PrintAsync($"Deleted load group {group}.{Environment.NewLine}", ct);
            }

            return ClientExitCodes.Ok;
        });
        return delete;
    }
}
