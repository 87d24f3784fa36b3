using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Levity.Client;

/// <summary><c>levity idtag list|show|set|delete</c>: the id tags the server knows, through the operator API.</summary>
internal static class IdTagCommands
{
    private static readonly string[] Statuses = ["Accepted", "Blocked", "Expired", "Invalid"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new ClientOptions();
        var idtag = new Command("idtag", "Id tags (RFID cards, app tokens), through a running server's operator API. " + ClientExitCodes.HelpText);
        options.AddTo(idtag);
        idtag.Subcommands.Add(List(options, output, error));
        idtag.Subcommands.Add(Show(options, output, error));
        idtag.Subcommands.Add(Set(options, output, error));
        idtag.Subcommands.Add(Delete(options, output, error));
        return idtag;
    }

    private static Argument<string> TagArgument() => new("tag") { Description = "The id tag (case-insensitive)" };

    private static string TagPath(string tag) => $"api/idtags/{Uri.EscapeDataString(tag)}";

    private static Command List(ClientOptions options, TextWriter output, TextWriter error)
    {
        var list = new Command("list", "Every id tag with its status, expiry, parent and label.");
        ClientAction.Set(list, options, output, error, async (context, ct) =>
        {
            var tags = await context.Api.GetAsync("api/idtags", ct);
            return await context.ShowAsync(tags, ListText, ct);
        });
        return list;
    }

    private static string ListText(JsonNode? tags)
    {
        var table = new TableWriter("TAG", "STATUS", "EXPIRES (UTC)", "PARENT", "LABEL");
        foreach (var t in Display.Items(tags))
        {
            table.Add(Display.Text(t["idTag"]), Display.Text(t["status"]), Display.Time(t["expiryDate"]), Display.Text(t["parentIdTag"]), Display.Text(t["label"]));
        }

        return table.Count == 0 ? "No id tags." + Environment.NewLine : table.ToString();
    }

    private static Command Show(ClientOptions options, TextWriter output, TextWriter error)
    {
        var tag = TagArgument();
        var show = new Command("show", "One id tag.") { tag };
        ClientAction.Set(show, options, output, error, async (context, ct) =>
        {
            var row = await context.Api.GetAsync(TagPath(context.Result.GetValue(tag)!), ct);
            return await context.ShowAsync(row, r => Describe(r ?? new JsonObject()), ct);
        });
        return show;
    }

    private static Command Set(ClientOptions options, TextWriter output, TextWriter error)
    {
        var tag = TagArgument();
        var status = new Option<string?>("--status") { Description = "Accepted, Blocked, Expired or Invalid (a new tag is Accepted unless told otherwise)" };
        var expiry = new Option<string?>("--expiry") { Description = "Expiry date/time, UTC unless it has an offset (2027-01-01 or 2027-01-01T00:00:00Z); \"\" removes it" };
        var parent = new Option<string?>("--parent") { Description = "Parent id tag (groups tags); \"\" removes it" };
        var label = new Option<string?>("--label") { Description = "Free text, e.g. who holds the card; \"\" removes it" };
        status.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string?>();
            if (value is not null && !Statuses.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                r.AddError($"--status must be one of {string.Join(", ", Statuses)}, not '{value}'.");
            }
        });
        var set = new Command(
            "set",
            "Creates the id tag or changes it. Options not given keep their current value, so 'set TAG --status Blocked' keeps the label.")
        {
            tag, status, expiry, parent, label,
        };
        ClientAction.Set(set, options, output, error, async (context, ct) =>
        {
            var r = context.Result;
            var name = r.GetValue(tag)!;
            // Every argument is checked before the first request, so a typo changes nothing.
            var newStatus = r.GetValue(status) is { } s ? Statuses.First(x => x.Equals(s, StringComparison.OrdinalIgnoreCase)) : null;
            var newExpiry = r.GetValue(expiry) is { } e ? (e.Length == 0 ? string.Empty : ClientArguments.IsoTime(e, "--expiry")) : null;

            // Read, change, write: PUT replaces the whole row, and an operator who blocks a card
            // should not lose its label by forgetting to repeat it.
            var current = await TryGetAsync(context.Api, name, ct);
            var body = new JsonObject
            {
                ["status"] = current?["status"]?.DeepClone(),
                ["expiryDate"] = current?["expiryDate"]?.DeepClone(),
                ["parentIdTag"] = current?["parentIdTag"]?.DeepClone(),
                ["label"] = current?["label"]?.DeepClone(),
            };
            if (newStatus is not null)
            {
                body["status"] = newStatus;
            }

            if (newExpiry is not null)
            {
                body["expiryDate"] = newExpiry.Length == 0 ? null : newExpiry;
            }

            if (r.GetValue(parent) is { } p)
            {
                body["parentIdTag"] = p.Length == 0 ? null : p;
            }

            if (r.GetValue(label) is { } l)
            {
                body["label"] = l.Length == 0 ? null : l;
            }

            if (body["status"] is null)
            {
                body.Remove("status");
            }

            var saved = await context.Api.SendAsync(HttpMethod.Put, TagPath(name), body.ToJsonString(), ct);
            return await context.ShowAsync(saved, s => $"{(current is null ? "Created" : "Updated")} id tag {name}.{Environment.NewLine}{Describe(s ?? body)}", ct);
        });
        return set;
    }

    private static Command Delete(ClientOptions options, TextWriter output, TextWriter error)
    {
        var tag = TagArgument();
        var delete = new Command("delete", "Forgets the id tag (transactions keep the tag they were started with).") { tag };
        ClientAction.Set(delete, options, output, error, async (context, ct) =>
        {
            var name = context.Result.GetValue(tag)!;
            await context.Api.SendAsync(HttpMethod.Delete, TagPath(name), null, ct);
            if (!context.Json)
            {
                await context.PrintAsync($"Deleted id tag {name}.{Environment.NewLine}", ct);
            }

            return ClientExitCodes.Ok;
        });
        return delete;
    }

    private static async Task<JsonNode?> TryGetAsync(ApiClient api, string tag, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetAsync(TagPath(tag), cancellationToken);
        }
        catch (ApiErrorException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static string Describe(JsonNode t)
    {
        var text = new StringBuilder();
        text.Append("Id tag ").Append(Display.Text(t["idTag"])).AppendLine();
        var fields = new TableWriter("FIELD", "VALUE") { ShowHeader = false };
        fields.Add("Status", Display.Text(t["status"]));
        fields.Add("Expires (UTC)", Display.Time(t["expiryDate"]));
        fields.Add("Parent", Display.Text(t["parentIdTag"]));
        fields.Add("Label", Display.Text(t["label"]));
        fields.WriteTo(text, "  ");
        return text.ToString();
    }
}
