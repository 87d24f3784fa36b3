using Levity.Silo.Configuration;

namespace Levity.Tests.Configuration;

public sealed class LevityConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("levity-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Bind_LayersAppSettingsThenEnvironmentThenFlags()
    {
        File.WriteAllText(Path.Combine(_directory, "appsettings.json"),
            """{ "Levity": { "Port": 9001, "Db": "from-file.db", "FluentdTag": "file", "HeartbeatInterval": 30 } }""");
        var environment = new Dictionary<string, string>
        {
            ["LEVITY_DB"] = "from-env.db",
            ["LEVITY_METRICS_PORT"] = "9191",
            ["LEVITY_HEARTBEAT_INTERVAL"] = "45",
            ["UNRELATED"] = "x",
        };
        var flags = new Dictionary<string, string?> { ["Levity:HeartbeatInterval"] = "90" };

        var options = LevityConfiguration.Bind(LevityConfiguration.Build(flags, _directory, environment), out var errors);

        Assert.Empty(errors);
        Assert.Equal(9001, options.Port);
        Assert.Equal("file", options.FluentdTag);
        Assert.Equal("from-env.db", options.Db);
        Assert.Equal(9191, options.MetricsPort);
        Assert.Equal(90, options.HeartbeatInterval);
    }

    [Fact]
    public void Bind_UnconvertibleEnvironmentValue_ReportsKey()
    {
        var environment = new Dictionary<string, string> { ["LEVITY_PORT"] = "ninety" };

        LevityConfiguration.Bind(LevityConfiguration.Build(new Dictionary<string, string?>(), _directory, environment), out var errors);

        var error = Assert.Single(errors);
        Assert.Contains("Port", error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--metrics-port", "LEVITY_METRICS_PORT")]
    [InlineData("--disable-websocket-ping", "LEVITY_DISABLE_WEBSOCKET_PING")]
    public void VariableFor_FlagName_IsUpperSnake(string flag, string variable) =>
        Assert.Equal(variable, LevityEnvironmentVariablesSource.VariableFor(flag));

    [Theory]
    [InlineData("localhost:24224", "localhost", 24224)]
    [InlineData("10.0.0.5:1", "10.0.0.5", 1)]
    [InlineData("[::1]:24224", "::1", 24224)]
    public void HostPort_Valid_Parses(string text, string host, int port)
    {
        Assert.True(HostPort.TryParse(text, out var endpoint));
        Assert.Equal(new HostPort(host, port), endpoint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("localhost:")]
    [InlineData(":24224")]
    [InlineData("localhost:0")]
    [InlineData("localhost:65536")]
    [InlineData("::1:24224")]
    public void HostPort_Invalid_Rejected(string text) => Assert.False(HostPort.TryParse(text, out _));
}
