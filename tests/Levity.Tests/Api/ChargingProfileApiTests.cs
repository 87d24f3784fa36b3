using System.Text.Json.Nodes;
using Levity.Tests.Support;

namespace Levity.Tests.Api;

/// <summary>Charging profiles sent through the real API to a real WebSocket charger, recorded by its grain.</summary>
public sealed class ChargingProfileApiTests : IAsyncLifetime
{
    private readonly int _apiPort = Ports.Free();
    private LevityTestServer _server = null!;
    private OperatorApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _server = await LevityTestServer.StartAsync(configure: o =>
        {
            o.ApiPort = _apiPort;
            o.ResponseTimeout = 1;
        });
        _api = new OperatorApiClient(_apiPort);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    private static string Profile(int id, int stackLevel, string purpose = "TxDefaultProfile", double limit = 16) =>
        $$$"""{"chargingProfileId":{{{id}}},"stackLevel":{{{stackLevel}}},"chargingProfilePurpose":"{{{purpose}}}","chargingProfileKind":"Absolute","chargingSchedule":{"startSchedule":"2026-11-01T00:00:00Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":{{{limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}]}}""";

    private static string Set(int connectorId, string profile) => $$"""{"connectorId":{{connectorId}},"csChargingProfiles":{{profile}}}""";

    private async Task<TestCharger> ConnectAsync(string id)
    {
        var cp = await _server.ConnectAsync(id);
        await cp.CallOkAsync("Heartbeat", new { });
        return cp;
    }

    private Task<JsonNode> SetAnswered(TestCharger cp, string id, int connectorId, string profile, string status = "Accepted") =>
        _api.CallAnswered(cp, id, "SetChargingProfile", Set(connectorId, profile), $$"""{"status":"{{status}}"}""");

    /// <summary>chargingProfileId → status, of the charger's rows (newest row per profile id wins).</summary>
    private async Task<Dictionary<int, string>> States(string id) =>
        (await _api.GetArray($"/api/chargingprofiles?chargePointId={id}"))
            .Reverse()
            .ToDictionary(r => r!["chargingProfileId"]!.GetValue<int>(), r => r!["status"]!.GetValue<string>());

    [Fact]
    public async Task SetChargingProfile_AnswersRecorded_ProfileVerbatim()
    {
        await using var cp = await ConnectAsync("PRF1");
        await SetAnswered(cp, "PRF1", 1, Profile(10, 0, limit: 13.5));
        await SetAnswered(cp, "PRF1", 1, Profile(11, 1), "Rejected");
        await SetAnswered(cp, "PRF1", 2, Profile(12, 0), "NotSupported");

        var rows = await _api.GetArray("/api/chargingprofiles?chargePointId=PRF1");

        Assert.Equal(
            [(12, "Rejected", "NotSupported", 2), (11, "Rejected", "Rejected", 1), (10, "Active", "Accepted", 1)],
            rows.Select(r => (r!["chargingProfileId"]!.GetValue<int>(), r["status"]!.GetValue<string>(), r["chargerStatus"]!.GetValue<string>(), r["connectorId"]!.GetValue<int>())));
        var active = rows[2]!;
        Assert.Equal("PRF1", active["chargePointId"]!.GetValue<string>());
        Assert.Equal(0, active["stackLevel"]!.GetValue<int>());
        Assert.Equal("TxDefaultProfile", active["purpose"]!.GetValue<string>());
        Assert.Equal("Absolute", active["kind"]!.GetValue<string>());
        Assert.Equal("SetChargingProfile", active["source"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Profile(10, 0, limit: 13.5)), active["profile"]), active["profile"]!.ToJsonString());
        Assert.NotNull(active["createdAt"]);
        Assert.Equal(Profile(10, 0, limit: 13.5), Db.Scalar(_server.DatabasePath, "SELECT profile FROM charging_profile WHERE cp_id = 'PRF1' AND charging_profile_id = 10"));
    }

    [Fact]
    public async Task SetChargingProfile_SameIdOrSameStackAndPurposeOnTheConnector_ReplacesTheOlder()
    {
        await using var cp = await ConnectAsync("PRF2");
        await SetAnswered(cp, "PRF2", 1, Profile(1, 0));
        await SetAnswered(cp, "PRF2", 1, Profile(2, 0));                  // same stackLevel and purpose on connector 1: replaces 1
        await SetAnswered(cp, "PRF2", 2, Profile(3, 0));                  // another connector: 2 stays
        await SetAnswered(cp, "PRF2", 1, Profile(4, 0, "TxProfile"));     // another purpose: 2 stays
        await SetAnswered(cp, "PRF2", 1, Profile(3, 5));                  // same id: replaces 3 on connector 2
        await SetAnswered(cp, "PRF2", 1, Profile(2, 7), "Rejected");      // rejected: replaces nothing

        var rows = await _api.GetArray("/api/chargingprofiles?chargePointId=PRF2");

        Assert.Equal(
            [(2, 7, "Rejected"), (3, 5, "Active"), (4, 0, "Active"), (3, 0, "Replaced"), (2, 0, "Active"), (1, 0, "Replaced")],
            rows.Select(r => (r!["chargingProfileId"]!.GetValue<int>(), r["stackLevel"]!.GetValue<int>(), r["status"]!.GetValue<string>())));
    }

    [Fact]
    public async Task StopTransaction_EndsTheTxProfilesOfItsConnector_OnlyThose()
    {
        await using var cp = await ConnectAsync("PRF9");
        var tx = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H1", meterStart = 0, timestamp = "2026-11-01T00:00:00Z" }))["transactionId"]!.GetValue<int>();
        await SetAnswered(cp, "PRF9", 1, Profile(30, 0, "TxProfile"));
        await SetAnswered(cp, "PRF9", 1, Profile(31, 0));
        await _api.CallAnswered(cp, "PRF9", "RemoteStartTransaction", $$"""{"connectorId":2,"idTag":"H1","chargingProfile":{{Profile(32, 0, "TxProfile")}}}""", """{"status":"Accepted"}""");
        await _api.CallAnswered(cp, "PRF9", "RemoteStartTransaction", $$"""{"idTag":"H1","chargingProfile":{{Profile(33, 1, "TxProfile")}}}""", """{"status":"Accepted"}""");

        await cp.CallOkAsync("StopTransaction", new { transactionId = tx, meterStop = 500, timestamp = "2026-11-01T02:00:00Z" });
        var rows = await _api.GetArray("/api/chargingprofiles?chargePointId=PRF9");

        Assert.Equal(
            new Dictionary<int, string> { [30] = "Ended", [31] = "Active", [32] = "Active", [33] = "Ended" },
            rows.ToDictionary(r => r!["chargingProfileId"]!.GetValue<int>(), r => r!["status"]!.GetValue<string>()));
        var ended = rows.Single(r => r!["chargingProfileId"]!.GetValue<int>() == 30)!;
        Assert.StartsWith("2026-11-01T02:00:00", ended["clearedAt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Ended", Db.Scalar(_server.DatabasePath, "SELECT state FROM charging_profile WHERE cp_id = 'PRF9' AND charging_profile_id = 30"));
    }

    [Fact]
    public async Task RemoteStartTransaction_WithChargingProfile_Recorded_WithoutOne_Nothing()
    {
        await using var cp = await ConnectAsync("PRF3");
        await _api.CallAnswered(cp, "PRF3", "RemoteStartTransaction", """{"idTag":"H1"}""", """{"status":"Accepted"}""");
        await _api.CallAnswered(cp, "PRF3", "RemoteStartTransaction", $$"""{"connectorId":2,"idTag":"H1","chargingProfile":{{Profile(20, 0, "TxProfile")}}}""", """{"status":"Accepted"}""");
        await _api.CallAnswered(cp, "PRF3", "RemoteStartTransaction", $$"""{"idTag":"H1","chargingProfile":{{Profile(21, 0, "TxProfile")}}}""", """{"status":"Rejected"}""");

        var rows = await _api.GetArray("/api/chargingprofiles?chargePointId=PRF3");

        Assert.Equal(
            [(21, (int?)null, "Rejected"), (20, 2, "Active")],
            rows.Select(r => (r!["chargingProfileId"]!.GetValue<int>(), r["connectorId"]?.GetValue<int>(), r["status"]!.GetValue<string>())));
        Assert.All(rows, r => Assert.Equal("RemoteStartTransaction", r!["source"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Profile(20, 0, "TxProfile")), rows[1]!["profile"]));
    }

    // Profiles: 1 (connector 1, stack 0, TxDefault), 2 (connector 1, stack 1, TxDefault),
    // 3 (connector 2, stack 0, TxDefault), 4 (connector 0, stack 0, ChargePointMax).
    [Theory]
    [InlineData("""{"id":2}""", "Accepted", new[] { 2 })]
    [InlineData("""{"id":3,"connectorId":1,"stackLevel":1}""", "Accepted", new[] { 3 })]
    [InlineData("""{"connectorId":1,"chargingProfilePurpose":"TxDefaultProfile","stackLevel":0}""", "Accepted", new[] { 1 })]
    [InlineData("""{"connectorId":1}""", "Accepted", new[] { 1, 2 })]
    [InlineData("""{"chargingProfilePurpose":"TxDefaultProfile"}""", "Accepted", new[] { 1, 2, 3 })]
    [InlineData("""{"stackLevel":0}""", "Accepted", new[] { 1, 3, 4 })]
    [InlineData("""{}""", "Accepted", new[] { 1, 2, 3, 4 })]
    [InlineData("""{}""", "Unknown", new int[0])]
    public async Task ClearChargingProfile_ClearsWhatOcppSaysItClears(string clear, string answer, int[] cleared)
    {
        var id = "PRF4-" + Math.Abs(StringComparer.Ordinal.GetHashCode(clear + answer)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var cp = await ConnectAsync(id);
        await SetAnswered(cp, id, 1, Profile(1, 0));
        await SetAnswered(cp, id, 1, Profile(2, 1));
        await SetAnswered(cp, id, 2, Profile(3, 0));
        await SetAnswered(cp, id, 0, Profile(4, 0, "ChargePointMaxProfile"));

        await _api.CallAnswered(cp, id, "ClearChargingProfile", clear, $$"""{"status":"{{answer}}"}""");

        var states = await States(id);
        Assert.Equal(
            new[] { 1, 2, 3, 4 }.ToDictionary(p => p, p => cleared.Contains(p) ? "Cleared" : "Active"),
            states);
        var rows = await _api.GetArray($"/api/chargingprofiles?chargePointId={id}");
        Assert.All(rows, r => Assert.Equal(r!["status"]!.GetValue<string>() == "Cleared", r["clearedAt"] is not null));
    }
}
