using Levity.Storage.Registry;

namespace Levity.Tests.Storage;

public sealed class ChargerRegistryStoreTests
{
    [Fact]
    public async Task Migration10_ChargersThatConnectedBefore_RegisteredAtProfile0()
    {
        using var database = TestDatabase.PythonSample();
        var chargers = database.Rows("SELECT id FROM cp ORDER BY id").Select(r => (string)r[0]!).ToList();
        Assert.NotEmpty(chargers);

        await using var store = await TestStore.StartAsync(database.Path);
        var registered = await store.ListRegistrationsAsync();

        Assert.Equal(chargers, registered.Select(r => r.ChargePointId));
        Assert.All(registered, r => Assert.Equal((0, true, null, "migration"), (r.SecurityProfile, r.Enabled, r.PasswordHash, r.RegisteredBy)));
    }

    [Fact]
    public async Task Registry_PutFirstContactPasswordRemove_RoundTrip()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        Assert.True(await store.RegisterAtFirstContactAsync("A1"));
        Assert.False(await store.RegisterAtFirstContactAsync("A1"));
        Assert.False(await store.AnyCredentialsAsync());
        Assert.False(await store.PutRegistrationAsync(new ChargerRegistration("A1", 1, "pbkdf2-sha256$1$AA==$AA==", true, "SERIAL", ChargerRegistration.ByOperator)));
        Assert.True(await store.SetPasswordHashAsync("A1", "pbkdf2-sha256$1$AQ==$AQ=="));
        Assert.False(await store.SetPasswordHashAsync("NOBODY", "x"));

        var a1 = await store.FindRegistrationAsync("A1");
        Assert.Equal((1, "pbkdf2-sha256$1$AQ==$AQ==", "SERIAL", "operator"), (a1!.SecurityProfile, a1.PasswordHash, a1.SerialUsername, a1.RegisteredBy));
        Assert.True(await store.AnyCredentialsAsync());
        Assert.True(await store.RemoveRegistrationAsync("A1"));
        Assert.Null(await store.FindRegistrationAsync("A1"));
    }

    [Fact]
    public async Task SecurityEvents_StoredNewestFirst()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        await store.RecordSecurityEventAsync(new SecurityRecord("A1", "SecurityEventNotification", "InvalidCentralSystemCertificate", DateTimeOffset.Parse("2026-11-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "chain", null, null));
        await store.RecordSecurityEventAsync(new SecurityRecord("A1", "SignCertificate", null, null, null, "-----BEGIN CERTIFICATE REQUEST-----", "Rejected"));

        var events = await store.ListSecurityEventsAsync("A1", 10);
        Assert.Equal(["SignCertificate", "SecurityEventNotification"], events.Select(e => e.Action));
        Assert.Equal("InvalidCentralSystemCertificate", events[1].EventType);
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), events[1].EventTime);
        Assert.Empty(await store.ListSecurityEventsAsync("B2", 10));
    }
}
