using Levity.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Levity.Tests.Storage;

public sealed class ChargePointWriteTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 11, 41, 37, 907, TimeSpan.FromHours(2));

    [Fact]
    public async Task RecordBoot_NewCharger_StoresIdentityInPythonFormats()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        await store.RecordBootAsync("CP1", new ChargePointIdentity("United Chargers", "Grizzl-E", SerialNumber: "S1", FirmwareVersion: "1.2"), At);

        var row = database.Rows("SELECT vendor, model, serial_number, firmware_version, iccid, imsi, is_connected, last_boot_at, created_at, updated_at FROM cp WHERE id = 'CP1'").Single();
        Assert.Equal(
            new object?[] { "United Chargers", "Grizzl-E", "S1", "1.2", "", "", 1L, "2026-11-21T09:41:37.907000+00:00", "2026-11-21 12:00:00", "2026-11-21 12:00:00" },
            row);
    }

    [Fact]
    public async Task RecordHeartbeatAndConnection_UpdateActivityColumns()
    {
        using var database = TestDatabase.Empty();
        var clock = new FakeTimeProvider(TestStore.Epoch);
        await using var store = await TestStore.StartAsync(database.Path, clock);

        await store.RecordContactAsync("CP1", At);
        clock.Advance(TimeSpan.FromSeconds(5));
        await store.RecordHeartbeatAsync("CP1", At.AddSeconds(5));
        await store.RecordConnectionAsync("CP1", connected: false, At.AddSeconds(6));

        var row = database.Rows("SELECT is_connected, last_connect_at, last_heartbeat_at, created_at, updated_at FROM cp").Single();
        Assert.Equal(
            new object?[] { 0L, "2026-11-21T09:41:37.907000+00:00", "2026-11-21T09:41:42.907000+00:00", "2026-11-21 12:00:00", "2026-11-21 12:00:05" },
            row);

        await store.RecordConnectionAsync("CP1", connected: true, At.AddSeconds(60));
        Assert.Equal(
            new object?[] { 1L, "2026-11-21T09:42:37.907000+00:00" },
            database.Rows("SELECT is_connected, last_connect_at FROM cp").Single());
    }

    [Fact]
    public async Task RecordContact_ExistingCharger_ChangesNothing()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        await store.RecordBootAsync("CP1", new ChargePointIdentity("V", "M"), At);
        await store.RecordConnectionAsync("CP1", connected: false, At);
        var before = database.Rows("SELECT * FROM cp");

        await store.RecordContactAsync("CP1", At.AddHours(1));

        Assert.Equal(before, database.Rows("SELECT * FROM cp"));
    }

    [Fact]
    public async Task RecordStatus_ConnectorZero_SetsChargerStatusOnly()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        await store.RecordStatusAsync("CP1", new ConnectorStatusReport(0, "Available", ConnectorStatusReport.NoError, At));

        Assert.Equal("Available", database.Scalar("SELECT status FROM cp WHERE id = 'CP1'"));
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM cp_conn"));
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM cp_err"));
    }

    [Fact]
    public async Task RecordStatus_Connector_UpsertsRowKeepingItsId()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        await store.RecordStatusAsync("CP1", new ConnectorStatusReport(1, "Preparing", ConnectorStatusReport.NoError, At));
        var id = database.Scalar("SELECT id FROM cp_conn WHERE cp_id = 'CP1' AND conn_id = 1");
        await store.RecordStatusAsync("CP1", new ConnectorStatusReport(1, "Charging", ConnectorStatusReport.NoError, At));

        Assert.Equal(
            new object?[] { id, "Charging", "NoError", "" },
            database.Rows("SELECT id, status, error_code, vendor_error_code FROM cp_conn").Single());
    }

    [Fact]
    public async Task RecordStatus_ErrorThenRecovery_OpensOneErrorRowAndResolvesIt()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var fault = new ConnectorStatusReport(1, "Faulted", "GroundFailure", At, Info: "GFCI trip", VendorId: "UC", VendorErrorCode: "E7");

        await store.RecordStatusAsync("CP1", fault);
        await store.RecordStatusAsync("CP1", fault with { Timestamp = At.AddMinutes(1) });
        await store.RecordStatusAsync("CP1", new ConnectorStatusReport(1, "Available", ConnectorStatusReport.NoError, At.AddMinutes(5)));

        var connectorRow = database.Scalar("SELECT id FROM cp_conn WHERE conn_id = 1");
        Assert.Equal(
            new object?[] { connectorRow, "GroundFailure", "E7", "GFCI trip", "UC", "2026-11-21T09:41:37.907000+00:00", "2026-11-21T09:46:37.907000+00:00" },
            database.Rows("SELECT cp_conn_id, error_code, vendor_error_code, error_description, vendor_error_info, timestamp, resolved_at FROM cp_err").Single());
    }

    [Fact]
    public async Task RecordStatus_ChargerLevelError_HasNullConnector()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        await store.RecordStatusAsync("CP1", new ConnectorStatusReport(0, "Faulted", "PowerMeterFailure", At));

        Assert.Equal(
            new object?[] { null, "PowerMeterFailure", null },
            database.Rows("SELECT cp_conn_id, error_code, resolved_at FROM cp_err").Single());
        Assert.Equal("Faulted", database.Scalar("SELECT status FROM cp"));
    }

    [Fact]
    public async Task RecordAnomaly_StoresAllFields()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        await store.RecordAnomalyAsync(new Anomaly("CP9", AnomalyKind.Other, At, TransactionId: 77, ConnectorId: 2, Detail: "why"));

        Assert.Equal(
            new object?[] { "CP9", 2L, 77L, "Other", "2026-11-21T09:41:37.907000+00:00", "why" },
            database.Rows("SELECT cp_id, conn_id, tx_id, kind, timestamp, detail FROM anomaly").Single());
    }
}
