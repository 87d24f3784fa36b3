using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Levity.Tests.Support;
using static Levity.Tests.Client.CliRun;

namespace Levity.Tests.Client;

public sealed class IdTagCliTests : IAsyncLifetime
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
    public async Task Set_NewTag_Created_ListedInTable()
    {
        var (exit, output, error) = await Run("idtag", "set", "04A2B3C4", "--status", "blocked", "--label", "House 7", "--expiry", "2027-01-01", "--url", Url);
        var list = await Run("idtag", "list", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("Created id tag 04A2B3C4.", output, StringComparison.Ordinal);
        var lines = Lines(list.Out);
        Assert.Equal(["TAG", "STATUS", "EXPIRES (UTC)", "PARENT", "LABEL"], Cells(lines[0]));
        Assert.Equal(["04A2B3C4", "Blocked", "2027-01-01 00:00:00", "-", "House 7"], Cells(lines[1]));
    }

    [Fact]
    public async Task Set_ExistingTag_ChangesOnlyTheOptionsGiven()
    {
        await Run("idtag", "set", "H7", "--label", "House 7", "--parent", "SITE", "--expiry", "2027-06-01T12:00:00+02:00", "--url", Url);

        var (exit, output, _) = await Run("idtag", "set", "H7", "--status", "Blocked", "--url", Url);
        var tag = await Json("idtag", "show", "H7");

        Assert.Equal(0, exit);
        Assert.StartsWith("Updated id tag H7.", output, StringComparison.Ordinal);
        Assert.Equal("Blocked", tag["status"]!.GetValue<string>());
        Assert.Equal("House 7", tag["label"]!.GetValue<string>());
        Assert.Equal("SITE", tag["parentIdTag"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2027, 6, 1, 10, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(tag["expiryDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Set_EmptyValues_ClearExpiryParentLabel_KeepStatus()
    {
        await Run("idtag", "set", "H8", "--status", "Expired", "--label", "Old card", "--parent", "SITE", "--expiry", "2026-01-01", "--url", Url);

        var (exit, _, _) = await Run("idtag", "set", "H8", "--label", "", "--parent", "", "--expiry", "", "--url", Url);
        var tag = await Json("idtag", "show", "H8");

        Assert.Equal(0, exit);
        Assert.Equal("Expired", tag["status"]!.GetValue<string>());
        Assert.Null(tag["expiryDate"]);
        Assert.Null(tag["parentIdTag"]);
        Assert.True(tag["label"] is null || tag["label"]!.GetValue<string>().Length == 0);
    }

    [Fact]
    public async Task Show_TagInSections_UnknownExit1()
    {
        await Run("idtag", "set", "H9", "--label", "Garage", "--url", Url);

        var (exit, output, _) = await Run("idtag", "show", "h9", "--url", Url);
        var unknown = await Run("idtag", "show", "NOSUCH", "--url", Url);

        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Equal("Id tag H9", lines[0]);
        Assert.Contains(["Status", "Accepted"], lines.Select(Cells));
        Assert.Contains(["Label", "Garage"], lines.Select(Cells));
        Assert.Equal(1, unknown.Exit);
        Assert.Equal("levity: Unknown id tag 'NOSUCH'. (HTTP 404)" + Environment.NewLine, unknown.Err);
    }

    [Fact]
    public async Task Delete_Tag_Gone_SecondDeleteExit1()
    {
        await Run("idtag", "set", "H10", "--url", Url);

        var (exit, output, error) = await Run("idtag", "delete", "H10", "--url", Url);
        var again = await Run("idtag", "delete", "H10", "--url", Url);
        var list = await Json("idtag", "list");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal("Deleted id tag H10." + Environment.NewLine, output);
        Assert.Equal(1, again.Exit);
        Assert.Contains("Unknown id tag 'H10'.", again.Err, StringComparison.Ordinal);
        Assert.Empty(list.AsArray());
    }

    [Fact]
    public async Task Set_ServerRefuses_Exit1_NamesTheField()
    {
        var (exit, _, error) = await Run("idtag", "set", "H11", "--parent", "H11", "--url", Url);
        var tooLong = await Run("idtag", "set", "THIS-TAG-IS-FAR-TOO-LONG-FOR-OCPP", "--url", Url);

        Assert.Equal(1, exit);
        Assert.StartsWith("levity: parentIdTag:", error, StringComparison.Ordinal);
        Assert.Contains("(HTTP 400)", error, StringComparison.Ordinal);
        Assert.Equal(1, tooLong.Exit);
        Assert.StartsWith("levity: idTag:", tooLong.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockedTag_ChargerIsTold()
    {
        await using var cp = await _server.ConnectAsync("TAGCP");
        await Run("idtag", "set", "H12", "--status", "Blocked", "--url", Url);

        var answer = await cp.CallOkAsync("Authorize", new { idTag = "H12" });

        Assert.Equal("Blocked", answer["idTagInfo"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_Empty_SaysSo_JsonIsEmptyArray()
    {
        var (exit, output, _) = await Run("idtag", "list", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal("No id tags." + Environment.NewLine, output);
        Assert.Empty((await Json("idtag", "list")).AsArray());
    }
}
