using Levity.Silo.Configuration;
using Levity.Tests.Security.Support;

namespace Levity.Tests.Configuration;

public sealed class ChargerSecurityOptionsTests
{
    private static LevityOptions Options(Action<LevityOptions> change)
    {
        var options = new LevityOptions { Db = Path.Combine(Path.GetTempPath(), "levity.db") };
        change(options);
        return options;
    }

    [Fact]
    public void ChargerRegistration_Unknown_Refused() =>
        Assert.Contains(LevityOptionsValidator.Validate(Options(o => o.ChargerRegistration = "closed")), e => e.StartsWith("--charger-registration:", StringComparison.Ordinal));

    [Theory]
    [InlineData("open")]
    [InlineData("known")]
    public void ChargerRegistration_OpenOrKnown_Accepted(string mode) =>
        Assert.Empty(LevityOptionsValidator.Validate(Options(o => o.ChargerRegistration = mode)));

    [Fact]
    public void TlsPort_WithoutCertificate_Refused() =>
        Assert.Contains(LevityOptionsValidator.Validate(Options(o => o.TlsPort = 9443)), e => e.Contains("needs --tls-cert and --tls-key", StringComparison.Ordinal));

    [Fact]
    public void TlsCert_WithoutTlsPort_Refused() =>
        Assert.Contains(LevityOptionsValidator.Validate(Options(o => o.TlsCert = "server.pem")), e => e.StartsWith("--tls-port:", StringComparison.Ordinal));

    [Fact]
    public void TlsFiles_Valid_Accepted_NotPem_Refused()
    {
        using var pki = TestCertificates.Create();
        var notPem = Path.Combine(pki.Directory, "not.pem");
        File.WriteAllText(notPem, "hello");

        Assert.Empty(LevityOptionsValidator.Validate(Options(o =>
        {
            o.TlsPort = 9443;
            o.TlsCert = pki.ServerCertPath;
            o.TlsKey = pki.ServerKeyPath;
            o.TlsClientCa = pki.ClientCaPath;
        })));
        Assert.Contains(LevityOptionsValidator.Validate(Options(o =>
        {
            o.TlsPort = 9443;
            o.TlsCert = notPem;
            o.TlsKey = pki.ServerKeyPath;
            o.TlsClientCa = notPem;
        })), e => e.StartsWith("--tls-cert/--tls-key:", StringComparison.Ordinal));
    }
}
