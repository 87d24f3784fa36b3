using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Levity.Silo.Security;
using Levity.Tests.Security.Support;
using Levity.Tests.Support;

namespace Levity.Tests.Security;

/// <summary>OCPP 1.6 security profiles 0-3 through real Kestrel listeners (ws and wss), real WebSocket clients and certificates made in the test.</summary>
public sealed class SecurityProfileTests(SecureServerFixture fixture) : IClassFixture<SecureServerFixture>
{
    private const string Password = "correct:horse:battery:staple";
    private readonly SecureServer _server = fixture.Server;

    [Fact]
    public async Task Profile0_UnknownCharger_RegisteredAtFirstContactAndConnects()
    {
        await using var cp = await _server.ConnectAsync(_server.Ws("P0-NEW"));
        await cp.CallOkAsync("Heartbeat", new { });

        var registration = JsonNode.Parse(await _server.Api.GetStringAsync(new Uri("/api/registry/P0-NEW", UriKind.Relative)))!;
        Assert.Equal(0, registration["securityProfile"]!.GetValue<int>());
        Assert.Equal("first-contact", registration["registeredBy"]!.GetValue<string>());
        Assert.False(registration["hasPassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Profile1_CorrectPassword_AcceptedOnWsAndWss()
    {
        await _server.RegisterAsync("P1-OK", $$"""{"securityProfile":1,"password":"{{Password}}"}""");

        await using (var plain = await _server.ConnectAsync(_server.Ws("P1-OK"), "P1-OK", Password))
        {
            await plain.CallOkAsync("Heartbeat", new { });
        }

        await using var secure = await _server.ConnectAsync(_server.Wss("P1-OK"), "P1-OK", Password);
        await secure.CallOkAsync("Heartbeat", new { });
    }

    [Fact]
    public async Task Profile1_WrongMissingOrForeignCredentials_401BeforeUpgrade()
    {
        await _server.RegisterAsync("P1-BAD", $$"""{"securityProfile":1,"password":"{{Password}}"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P1-BAD"), "P1-BAD", Password + "x"));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P1-BAD")));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P1-BAD"), "SOMEONE", Password));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P1-BAD"), "P1-BAD", []));
    }

    [Fact]
    public async Task Profile1_BinaryPasswordFromHex_ComparedAsBytes()
    {
        // 16 bytes with a NUL, colons and bytes that are not UTF-8: the AuthorizationKey form.
        byte[] key = [0x00, 0xFF, 0x3A, 0x3A, 0x80, 0xC3, 0x28, 0x10, 0x20, 0x7F, 0xFE, 0x3A, 0x01, 0x02, 0x03, 0x04];
        await _server.RegisterAsync("P1-HEX", $$"""{"securityProfile":1,"passwordHex":"{{Convert.ToHexString(key)}}"}""");

        await using (var cp = await _server.ConnectAsync(_server.Ws("P1-HEX"), "P1-HEX", key))
        {
            await cp.CallOkAsync("Heartbeat", new { });
        }

        var lastByteDiffers = key.ToArray();
        lastByteDiffers[^1] ^= 1;
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P1-HEX"), "P1-HEX", lastByteDiffers));
        // The hex text itself is not the password: its bytes are.
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P1-HEX"), "P1-HEX", Convert.ToHexString(key)));
    }

    [Fact]
    public async Task Profile1_SerialNumberUsername_OnlyWhereTheOperatorAllowedIt()
    {
        await _server.RegisterAsync("P1-GRZ", $$"""{"securityProfile":1,"password":"{{Password}}","serialUsername":"GRZ0012345"}""");
        await _server.RegisterAsync("P1-STRICT", $$"""{"securityProfile":1,"password":"{{Password}}"}""");

        await using (var cp = await _server.ConnectAsync(_server.Ws("P1-GRZ"), "GRZ0012345", Password))
        {
            await cp.CallOkAsync("Heartbeat", new { });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P1-STRICT"), "GRZ0012345", Password));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P1-GRZ"), "GRZ0012345", Password + "x"));
    }

    [Fact]
    public async Task Profile2_TlsAndPassword_Accepted_PlainWsOrNoPassword_401()
    {
        await _server.RegisterAsync("P2-CP", $$"""{"securityProfile":2,"password":"{{Password}}"}""");

        await using (var cp = await _server.ConnectAsync(_server.Wss("P2-CP"), "P2-CP", Password))
        {
            await cp.CallOkAsync("Heartbeat", new { });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P2-CP"), "P2-CP", Password));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Wss("P2-CP")));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Wss("P2-CP"), "P2-CP", "wrong-password-of-16+"));
    }

    [Fact]
    public async Task Profile3_ClientCertificateWithItsId_Accepted()
    {
        await _server.RegisterAsync("P3-CP", """{"securityProfile":3}""");
        using var certificate = _server.Certificates.Charger("P3-CP");

        await using var cp = await _server.ConnectAsync(_server.Wss("P3-CP"), clientCertificate: certificate);
        await cp.CallOkAsync("Heartbeat", new { });
    }

    [Fact]
    public async Task Profile3_OtherNameOtherCaNoCertificateOrPlainWs_401()
    {
        await _server.RegisterAsync("P3-BAD", """{"securityProfile":3}""");
        using var otherName = _server.Certificates.Charger("P3-OTHER");
        using var otherCa = _server.Certificates.Charger("P3-BAD", _server.Certificates.OtherCa);
        using var right = _server.Certificates.Charger("P3-BAD");

        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Wss("P3-BAD"), clientCertificate: otherName));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Wss("P3-BAD"), clientCertificate: otherCa));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Wss("P3-BAD")));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("P3-BAD"), clientCertificate: right));
    }

    [Fact]
    public async Task DisabledCharger_401WhateverItPresents()
    {
        await _server.RegisterAsync("OFF-CP", """{"securityProfile":0,"enabled":false}""");

        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("OFF-CP")));
    }

    [Fact]
    public async Task Impostor_WrongPassword_RefusedWhileRealChargerStaysConnectedAndItsDataUntouched()
    {
        await _server.RegisterAsync("REAL-CP", $$"""{"securityProfile":1,"password":"{{Password}}"}""");
        using var metrics = new MetricCollector(SecurityMetrics.AuthFailuresName);
        await using var real = await _server.ConnectAsync(_server.Ws("REAL-CP"), "REAL-CP", Password);
        var start = await real.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "TAG1", meterStart = 1000, timestamp = "2026-11-01T12:00:00Z" });
        var transactionId = start["transactionId"]!.GetValue<int>();

        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("REAL-CP"), "REAL-CP", "guessed-password-1234"));
        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("REAL-CP")));

        Assert.Equal(WebSocketState.Open, real.State);
        await real.CallOkAsync("Heartbeat", new { });
        var charger = JsonNode.Parse(await _server.Api.GetStringAsync(new Uri("/api/chargepoints/REAL-CP", UriKind.Relative)))!;
        Assert.True(charger["isConnected"]!.GetValue<bool>());
        var open = Assert.Single(charger["openTransactions"]!.AsArray());
        Assert.Equal(transactionId, open!["transactionId"]!.GetValue<int>());
        Assert.Equal(1000, open["meterStart"]!.GetValue<int>());
        Assert.True(metrics.Sum(SecurityMetrics.AuthFailuresName, ("reason", "wrong_password")) >= 1);
        Assert.True(metrics.Sum(SecurityMetrics.AuthFailuresName, ("reason", "missing_credentials")) >= 1);
    }

    [Fact]
    public async Task Tls_ServesFullChain_ChargerWithOnlyTheRootValidates()
    {
        // SecureServer's validation callback trusts only the root and builds the chain from what
        // the server sent: without the intermediate in the handshake this connection fails.
        await using var cp = await _server.ConnectAsync(_server.Wss("CHAIN-CP"));
        await cp.CallOkAsync("Heartbeat", new { });
    }

    [Fact]
    public async Task SecurityEventAndSignCertificate_StoredAndListedByTheApi()
    {
        await using var cp = await _server.ConnectAsync(_server.Ws("SE-1"));
        await cp.CallOkAsync("SecurityEventNotification", new { type = "InvalidCentralSystemCertificate", timestamp = "2026-11-01T12:00:00Z", techInfo = "unknown root" });
        var signed = await cp.CallOkAsync("SignCertificate", new { csr = "-----BEGIN CERTIFICATE REQUEST-----MIIB-----END CERTIFICATE REQUEST-----" });

        var events = JsonNode.Parse(await _server.Api.GetStringAsync(new Uri("/api/security-events?chargePointId=SE-1", UriKind.Relative)))!.AsArray();

        Assert.Equal(["SignCertificate", "SecurityEventNotification"], events.Select(e => e!["action"]!.GetValue<string>()));
        Assert.Equal(signed["status"]!.GetValue<string>(), events[0]!["answer"]!.GetValue<string>());
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", events[0]!["csr"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("InvalidCentralSystemCertificate", events[1]!["eventType"]!.GetValue<string>());
        Assert.Equal("unknown root", events[1]!["techInfo"]!.GetValue<string>());
    }
}
