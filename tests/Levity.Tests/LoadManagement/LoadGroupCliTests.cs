using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Levity.Tests.Support;
using static Levity.Tests.Client.CliRun;

namespace Levity.Tests.LoadManagement;

/// <summary>levity group ... and levity cp set against a real server's operator API, and the API's refusals.</summary>
public sealed class LoadGroupCliTests : IAsyncLifetime
{
    private readonly int _apiPort = Ports.Free();
    private LevityTestServer _server = null!;

    private string Url => $"http://127.0.0.1:{_apiPort}";

    public async Task InitializeAsync() => _server = await LevityTestServer.StartAsync(configure: o => o.ApiPort = _apiPort);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string[] Cells(string line) => Regex.Split(line.Trim(), " {2,}");

    private async Task<JsonNode> Json(params string[] args)
    {
        var (exit, output, error) = await Run([.. args, "--json", "--url", Url]);
        Assert.True(exit == 0, error);
        return JsonNode.Parse(output)!;
    }

    [Fact]
    public async Task GroupSet_NestedGroups_ListedShownAndKeptOnPartialChange()
    {
        var (exit, output, error) = await Run("group", "set", "site", "--limit", "80", "--chargers", "CP1,CP2:1", "--url", Url);
        Assert.True(exit == 0, error);
        Assert.StartsWith("Created load group site.", output, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("group", "set", "garage", "--limit", "32", "--parent", "site", "--chargers", "CP3", "--url", Url)).Exit);

        // Only the limit changes: chargers and parent stay.
        Assert.Equal(0, (await Run("group", "set", "garage", "--limit", "25", "--url", Url)).Exit);
        var list = Lines((await Run("group", "list", "--url", Url)).Out);
        var garage = await Json("group", "show", "garage");

        Assert.Equal(["GROUP", "LIMIT (A)", "PARENT", "CHARGERS"], Cells(list[0]));
        Assert.Equal(["garage", "25", "site", "CP3"], Cells(list[1]));
        Assert.Equal(["site", "80", "-", "CP1,CP2:1"], Cells(list[2]));
        Assert.Equal("site", garage["site"]!.GetValue<string>());
        Assert.Equal(["garage"], garage["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()));
        Assert.Equal(25, garage["groups"]![0]!["limitAmps"]!.GetValue<double>());
        Assert.Contains("No car is charging.", (await Run("group", "show", "site", "--url", Url)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupSet_NewGroupWithoutLimit_UsageError_NothingStored()
    {
        var (exit, _, error) = await Run("group", "set", "site", "--chargers", "CP1", "--url", Url);

        Assert.NotEqual(0, exit);
        Assert.Contains("--limit", error, StringComparison.Ordinal);
        Assert.Empty((await Json("group", "list")).AsArray());
    }

    [Fact]
    public async Task GroupDelete_ParentWithChild_Refused_ThenDeletedInOrder()
    {
        await Run("group", "set", "site", "--limit", "80", "--url", Url);
        await Run("group", "set", "garage", "--limit", "32", "--parent", "site", "--url", Url);

        var refused = await Run("group", "delete", "site", "--url", Url);
        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("garage", refused.Err, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("group", "delete", "garage", "--url", Url)).Exit);
        Assert.Equal(0, (await Run("group", "delete", "site", "--url", Url)).Exit);
        Assert.Empty((await Json("group", "list")).AsArray());
    }

    [Fact]
    public async Task Api_ChargerInTwoGroups_409_UnknownParent_400_UnknownGroup_404()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        using var first = await http.PutAsJsonAsync("/api/groups/a", new { limitAmps = 40, chargers = new[] { "CP1" } });
        using var twice = await http.PutAsJsonAsync("/api/groups/b", new { limitAmps = 40, chargers = new[] { "CP1:2" } });
        using var orphan = await http.PutAsJsonAsync("/api/groups/c", new { limitAmps = 40, parent = "nowhere" });
        using var negative = await http.PutAsJsonAsync("/api/groups/d", new { limitAmps = -1 });
        using var unknown = await http.GetAsync("/api/groups/zzz");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("'a'", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task CpSet_SinglePhase_StoredAndShown_InvalidRefused()
    {
        var (exit, output, error) = await Run("cp", "set", "CP9", "--min", "8", "--phases", "1", "--phase", "l2", "--url", Url);
        Assert.True(exit == 0, error);
        Assert.Contains("8–32 A, 1 phase(s) on L2", output, StringComparison.Ordinal);

        var load = await Json("cp", "set", "CP9", "--max", "16");
        Assert.Equal((8, 16, 1, "L2"), (load["minAmps"]!.GetValue<double>(), load["maxAmps"]!.GetValue<double>(), load["phases"]!.GetValue<int>(), load["phase"]!.GetValue<string>()));
        Assert.Equal("8", Db.Scalar(_server.DatabasePath, "SELECT min_a FROM cp_load WHERE cp_id = 'CP9'")?.ToString());

        var bad = await Run("cp", "set", "CP9", "--min", "20", "--url", Url);
        Assert.NotEqual(0, bad.Exit);
        Assert.Contains("maximum must be at least the minimum", bad.Err, StringComparison.Ordinal);
        var badPhases = await Run("cp", "set", "CP9", "--phases", "2", "--url", Url);
        Assert.NotEqual(0, badPhases.Exit);
        Assert.Contains("--phases must be 1 or 3", badPhases.Err, StringComparison.Ordinal);
    }
}
