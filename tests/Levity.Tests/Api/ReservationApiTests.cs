using System.Net;
using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Levity.Tests.Api;

/// <summary>Reservations sent through the real API to a real WebSocket charger, recorded by its grain in the real SQLite file.</summary>
public sealed class ReservationApiTests : IAsyncLifetime
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

    private static string ReserveNow(int reservationId, int connectorId = 1, string idTag = "HOUSE-7", string expiry = "2099-01-01T00:00:00Z") =>
        $$"""{"connectorId":{{connectorId}},"expiryDate":"{{expiry}}","idTag":"{{idTag}}","reservationId":{{reservationId}},"parentIdTag":"FAMILY"}""";

    private async Task<TestCharger> ConnectAsync(string id)
    {
        var cp = await _server.ConnectAsync(id);
        await cp.CallOkAsync("Heartbeat", new { });
        return cp;
    }

    [Fact]
    public async Task ReserveNow_AcceptedThenStartTransactionWithReservationId_Used()
    {
        await using var cp = await ConnectAsync("RSV1");
        await _api.CallAnswered(cp, "RSV1", "ReserveNow", ReserveNow(41), """{"status":"Accepted"}""");

        var accepted = (await _api.GetArray("/api/reservations?chargePointId=RSV1")).Single()!;
        Assert.Equal(41, accepted["reservationId"]!.GetValue<int>());
        Assert.Equal("RSV1", accepted["chargePointId"]!.GetValue<string>());
        Assert.Equal(1, accepted["connectorId"]!.GetValue<int>());
        Assert.Equal("HOUSE-7", accepted["idTag"]!.GetValue<string>());
        Assert.Equal("FAMILY", accepted["parentIdTag"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), accepted["expiryDate"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Accepted", accepted["status"]!.GetValue<string>());
        Assert.Equal("Accepted", accepted["chargerStatus"]!.GetValue<string>());
        Assert.Null(accepted["transactionId"]);
        Assert.NotNull(accepted["createdAt"]);

        var tx = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "HOUSE-7", meterStart = 100, timestamp = "2026-11-01T10:00:00Z", reservationId = 41 }))["transactionId"]!.GetValue<int>();

        var used = (await _api.GetArray("/api/reservations?chargePointId=RSV1")).Single()!;
        Assert.Equal("Used", used["status"]!.GetValue<string>());
        Assert.Equal(tx, used["transactionId"]!.GetValue<int>());
        Assert.Equal(41L, Db.Long(_server.DatabasePath, $"SELECT reservation_id FROM tx WHERE id = {tx}"));
    }

    [Fact]
    public async Task ReserveNow_StartTransactionCommittedBeforeTheAnswer_StillUsed()
    {
        await using var cp = await ConnectAsync("RSV2");
        var posting = _api.PostCall("RSV2", "ReserveNow", ReserveNow(42));
        var call = await cp.NextServerCallAsync();
        // The charger starts charging on the reservation before its ReserveNow answer arrives.
        var tx = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "HOUSE-7", meterStart = 0, timestamp = "2026-11-01T10:00:00Z", reservationId = 42 }))["transactionId"]!.GetValue<int>();
        await cp.SendRawAsync($$"""[3,"{{call[1]!.GetValue<string>()}}",{"status":"Accepted"}]""");
        (await posting).Dispose();

        var used = (await _api.GetArray("/api/reservations?chargePointId=RSV2")).Single()!;
        Assert.Equal("Used", used["status"]!.GetValue<string>());
        Assert.Equal(tx, used["transactionId"]!.GetValue<int>());
    }

    [Fact]
    public async Task CancelReservation_Accepted_Cancelled_RejectedLeavesItAlone()
    {
        await using var cp = await ConnectAsync("RSV3");
        await _api.CallAnswered(cp, "RSV3", "ReserveNow", ReserveNow(43), """{"status":"Accepted"}""");
        await _api.CallAnswered(cp, "RSV3", "ReserveNow", ReserveNow(44, connectorId: 2), """{"status":"Accepted"}""");

        await _api.CallAnswered(cp, "RSV3", "CancelReservation", """{"reservationId":43}""", """{"status":"Accepted"}""");
        await _api.CallAnswered(cp, "RSV3", "CancelReservation", """{"reservationId":44}""", """{"status":"Rejected"}""");

        var rows = await _api.GetArray("/api/reservations?chargePointId=RSV3");
        Assert.Equal([(44, "Accepted"), (43, "Cancelled")], rows.Select(r => (r!["reservationId"]!.GetValue<int>(), r["status"]!.GetValue<string>())));
        Assert.Equal("Cancelled", Db.Scalar(_server.DatabasePath, "SELECT state FROM reservation WHERE cp_id = 'RSV3' AND reservation_id = 43"));
    }

    [Theory]
    [InlineData("Occupied")]
    [InlineData("Rejected")]
    [InlineData("Faulted")]
    public async Task ReserveNow_NotAccepted_RecordedRefusedWithTheAnswer(string answer)
    {
        var id = "RSV4" + answer;
        await using var cp = await ConnectAsync(id);
        await _api.CallAnswered(cp, id, "ReserveNow", ReserveNow(45), $$"""{"status":"{{answer}}"}""");

        var row = (await _api.GetArray($"/api/reservations?chargePointId={id}")).Single()!;
        Assert.Equal("Refused", row["status"]!.GetValue<string>());
        Assert.Equal(answer, row["chargerStatus"]!.GetValue<string>());

        // A StartTransaction naming a refused reservation does not turn it into a used one.
        await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "HOUSE-7", meterStart = 0, timestamp = "2026-11-01T10:00:00Z", reservationId = 45 });
        Assert.Equal("Refused", (await _api.GetArray($"/api/reservations?chargePointId={id}")).Single()!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReserveNow_NoAnswer_RequestedWithoutChargerStatus()
    {
        await using var cp = await ConnectAsync("RSV5");

        using var response = await _api.PostCall("RSV5", "ReserveNow", ReserveNow(46));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var row = (await _api.GetArray("/api/reservations?chargePointId=RSV5")).Single()!;
        Assert.Equal("Requested", row["status"]!.GetValue<string>());
        Assert.Null(row["chargerStatus"]);
    }

    [Fact]
    public async Task ReserveNow_SameIdAcceptedAgain_ReplacesTheLiveReservation()
    {
        await using var cp = await ConnectAsync("RSV6");
        await _api.CallAnswered(cp, "RSV6", "ReserveNow", ReserveNow(47, idTag: "OLD"), """{"status":"Accepted"}""");
        await _api.CallAnswered(cp, "RSV6", "ReserveNow", ReserveNow(47, connectorId: 2, idTag: "NEW", expiry: "2099-06-01T00:00:00Z"), """{"status":"Accepted"}""");

        var row = (await _api.GetArray("/api/reservations?chargePointId=RSV6")).Single()!;
        Assert.Equal(("NEW", 2, "Accepted"), (row["idTag"]!.GetValue<string>(), row["connectorId"]!.GetValue<int>(), row["status"]!.GetValue<string>()));
        Assert.Equal(new DateTimeOffset(2099, 6, 1, 0, 0, 0, TimeSpan.Zero), row["expiryDate"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Reservations_NewestFirst_FilteredByCharger_Limited()
    {
        await using var a = await ConnectAsync("RSV7A");
        await using var b = await ConnectAsync("RSV7B");
        await _api.CallAnswered(a, "RSV7A", "ReserveNow", ReserveNow(1), """{"status":"Accepted"}""");
        await _api.CallAnswered(b, "RSV7B", "ReserveNow", ReserveNow(2), """{"status":"Accepted"}""");
        await _api.CallAnswered(a, "RSV7A", "ReserveNow", ReserveNow(3), """{"status":"Accepted"}""");

        var ofA = await _api.GetArray("/api/reservations?chargePointId=RSV7A");
        var all = await _api.GetArray("/api/reservations");
        var newest = await _api.GetArray("/api/reservations?limit=1");

        Assert.Equal([3, 1], ofA.Select(r => r!["reservationId"]!.GetValue<int>()));
        Assert.Equal([3, 2, 1], all.Select(r => r!["reservationId"]!.GetValue<int>()));
        Assert.Equal(3, newest.Single()!["reservationId"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/api/reservations?limit=0", HttpStatusCode.BadRequest, "limit")]
    [InlineData("/api/reservations?limit=abc", HttpStatusCode.BadRequest, "limit")]
    [InlineData("/api/reservations?limit=1001", HttpStatusCode.BadRequest, "limit")]
    [InlineData("/api/reservations?chargePointId=NOSUCH", HttpStatusCode.NotFound, "NOSUCH")]
    public async Task Reservations_BadQuery_ClearProblem(string path, HttpStatusCode expected, string named)
    {
        using var response = await _api.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>Expiry on a controlled clock: the whole server runs on a <see cref="FakeTimeProvider"/>.</summary>
public sealed class ReservationExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly int _apiPort = Ports.Free();
    private LevityTestServer _server = null!;
    private OperatorApiClient _api = null!;
    private TestCharger _cp = null!;

    public async Task InitializeAsync()
    {
        _server = await LevityTestServer.StartAsync(
            configure: o => o.ApiPort = _apiPort,
            configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        _api = new OperatorApiClient(_apiPort);
        _cp = await _server.ConnectAsync("RSVX");
        await _cp.CallOkAsync("Heartbeat", new { });
    }

    public async Task DisposeAsync()
    {
        await _cp.DisposeAsync();
        _api.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ReserveNow_Accepted_ExpiresWhenTheClockPassesExpiryDate()
    {
        await _api.CallAnswered(_cp, "RSVX", "ReserveNow", """{"connectorId":1,"expiryDate":"2026-11-01T12:30:00Z","idTag":"T","reservationId":9}""", """{"status":"Accepted"}""");
        await _api.CallAnswered(_cp, "RSVX", "ReserveNow", """{"connectorId":2,"expiryDate":"2026-11-01T13:30:00Z","idTag":"T","reservationId":10}""", """{"status":"Accepted"}""");
        var before = await _api.GetArray("/api/reservations?chargePointId=RSVX");
        _clock.Advance(TimeSpan.FromMinutes(31));
        var after = await _api.GetArray("/api/reservations?chargePointId=RSVX");

        Assert.Equal(["Accepted", "Accepted"], before.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal([(10, "Accepted"), (9, "Expired")], after.Select(r => (r!["reservationId"]!.GetValue<int>(), r["status"]!.GetValue<string>())));
        // Stored by the server's expiry service, not by the listing: SQL readers see it too.
        Assert.Equal("Expired", await StateEventually(9, "Expired"));
        Assert.Equal("Accepted", State(10));
    }

    [Fact]
    public async Task ReserveNow_Accepted_ExpiryStoredWithoutAnyoneListing()
    {
        await _api.CallAnswered(_cp, "RSVX", "ReserveNow", """{"connectorId":1,"expiryDate":"2026-11-01T12:00:20Z","idTag":"T","reservationId":11}""", """{"status":"Accepted"}""");

        var before = State(11);

        // Picked up at a recheck, then expired at its expiryDate: the clock moves a second at a
        // time until the row says so (nothing lists reservations meanwhile).
        string? state = null;
        var moved = TimeSpan.Zero;
        for (var i = 0; i < 200 && state != "Expired"; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            moved += TimeSpan.FromSeconds(1);
            await Task.Delay(25);
            state = State(11);
        }

        Assert.Equal("Accepted", before);
        Assert.Equal("Expired", state);
        Assert.True(moved >= TimeSpan.FromSeconds(20), $"expired after {moved}, before its expiryDate");
    }

    private string? State(int reservationId) =>
        (string?)Db.Scalar(_server.DatabasePath, $"SELECT state FROM reservation WHERE reservation_id = {reservationId}");

    private async Task<string?> StateEventually(int reservationId, string expected)
    {
        var state = State(reservationId);
        for (var i = 0; i < 100 && state != expected; i++)
        {
            await Task.Delay(50);
            state = State(reservationId);
        }

        return state;
    }
}
