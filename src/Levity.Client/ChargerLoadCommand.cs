using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Levity.Client;

/// <summary><c>levity cp set ID --min --max --phases --phase</c>: what load management needs to know of a charger's wiring.</summary>
internal static class ChargerLoadCommand
{
    private static readonly string[] PhaseNames = ["L1", "L2", "L3"];

    public static Command Create(ClientOptions options, TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("charge-point-id") { Description = "The charger's id" };
        var min = new Option<double?>("--min") { Description = "Lowest current (A) it honours; below that it is paused instead (default 6; some chargers need 7 or 8)" };
        var max = new Option<double?>("--max") { Description = "Highest current (A) it may draw per phase (default 32)" };
        var phases = new Option<int?>("--phases") { Description = "Phases it is wired to: 1 or 3 (default 3)" };
        var phase = new Option<string?>("--phase") { Description = "For a single-phase charger, the supply phase it is on: L1, L2 or L3" };
        phases.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } n && n is not (1 or 3))
            {
                r.AddError($"--phases must be 1 or 3, not {n}.");
            }
        });
        phase.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } p && !PhaseNames.Contains(p, StringComparer.OrdinalIgnoreCase))
            {
                r.AddError($"--phase must be L1, L2 or L3, not '{p}'.");
            }
        });
        var set = new Command("set", "Sets a charger's load settings (minimum, maximum, phases). Options not given keep their current value.")
        {
            id, min, max, phases, phase,
        };
        ClientAction.Set(set, options, output, error, async (context, ct) =>
        {
            var r = context.Result;
            var charger = r.GetValue(id)!;
            var body = new JsonObject
            {
                ["minAmps"] = r.GetValue(min),
                ["maxAmps"] = r.GetValue(max),
                ["phases"] = r.GetValue(phases),
                ["phase"] = r.GetValue(phase)?.ToUpperInvariant(),
            };
            var saved = await context.Api.SendAsync(HttpMethod.Put, $"api/chargepoints/{Uri.EscapeDataString(charger)}/load", body.ToJsonString(), ct);
            return await context.ShowAsync(saved, s => Describe(charger, s), ct);
        });
        return set;
    }

    private static string Describe(string charger, JsonNode? s) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Charger {charger}: {Display.Text(s?["minAmps"])}–{Display.Text(s?["maxAmps"])} A, {Display.Text(s?["phases"])} phase(s){(Display.Text(s?["phase"]) is { Length: > 0 } p ? " on " + p : string.Empty)}.{Environment.NewLine}");
}
