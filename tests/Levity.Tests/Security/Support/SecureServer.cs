using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Levity.Silo.Configuration;
using Levity.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Security.Support;

/// <summary>
/// The real server with a ws and a wss listener (certificates from <see cref="TestCertificates"/>,
/// client CA for profile 3) and the operator API, plus chargers that connect with Basic
/// credentials and client certificates, or get the refusal's HTTP status.
/// </summary>
internal sealed class SecureServer : IAsyncDisposable
{
    private SecureServer(LevityTestServer server, TestCertificates certificates)
    {
        Server = server;
        Certificates = certificates;
        // Every listener on port 0 (no race for a "free" port): the https one is wss, the http one that is not the OCPP port is the API.
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        TlsPort = addresses.Single(a => a.Scheme == "https").Port;
        var api = addresses.Single(a => a.Scheme == "http" && a.Port != server.HttpBase.Port);
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{api.Port}") };
    }

    public LevityTestServer Server { get; }

    public TestCertificates Certificates { get; }

    public int TlsPort { get; }

    public HttpClient Api { get; }

    public static async Task<SecureServer> StartAsync(Action<LevityOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var certificates = TestCertificates.Create();
        var server = await LevityTestServer.StartAsync(
            configure: o =>
            {
                o.TlsPort = 0;
                o.TlsCert = certificates.ServerCertPath;
                o.TlsKey = certificates.ServerKeyPath;
                o.TlsClientCa = certificates.ClientCaPath;
                o.ApiPort = 0;
                o.ResponseTimeout = 5;
                configure?.Invoke(o);
            },
            configureServices: configureServices);
        return new SecureServer(server, certificates);
    }

    public Uri Ws(string id) => new(Server.WsBase, "/ws/" + Uri.EscapeDataString(id));

    public Uri Wss(string id) => new($"wss://127.0.0.1:{TlsPort}/ws/{Uri.EscapeDataString(id)}");

    /// <summary>Registers a charger through the API (PUT /api/registry/{id}).</summary>
    public async Task RegisterAsync(string id, string json)
    {
        using var response = await Api.PutAsync(new Uri($"/api/registry/{Uri.EscapeDataString(id)}", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Connects as a charger; <paramref name="password"/> bytes go after "username:" in the Basic header as they are.</summary>
    public Task<TestCharger> ConnectAsync(Uri uri, string? username = null, byte[]? password = null, X509Certificate2? clientCertificate = null) =>
        TestCharger.ConnectAsync(uri, options => Configure(options, username, password, clientCertificate));

    public Task<TestCharger> ConnectAsync(Uri uri, string username, string password) =>
        ConnectAsync(uri, username, Encoding.UTF8.GetBytes(password));

    /// <summary>The HTTP status of a handshake that must fail (the server answers before any upgrade).</summary>
    public async Task<HttpStatusCode> RefusedAsync(Uri uri, string? username = null, byte[]? password = null, X509Certificate2? clientCertificate = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp1.6");
        Configure(socket.Options, username, password, clientCertificate);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, timeout.Token));
        return socket.HttpStatusCode;
    }

    public Task<HttpStatusCode> RefusedAsync(Uri uri, string username, string password) =>
        RefusedAsync(uri, username, Encoding.UTF8.GetBytes(password));

    private void Configure(ClientWebSocketOptions options, string? username, byte[]? password, X509Certificate2? clientCertificate)
    {
        if (username is not null)
        {
            var raw = Encoding.UTF8.GetBytes(username + ":").Concat(password ?? []).ToArray();
            options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(raw));
        }

        if (clientCertificate is not null)
        {
            options.ClientCertificates.Add(clientCertificate);
        }

        options.RemoteCertificateValidationCallback = (_, certificate, chain, _) => Certificates.ValidatesWithRootOnly(certificate, chain);
        options.CollectHttpResponseDetails = true;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
        Certificates.Dispose();
    }
}
