using Levity.Silo.Cli;
using Levity.Silo.Configuration;

namespace Levity.Tests.Cli;

public sealed class LevityCliTests
{
    private static readonly string[] PythonFlags =
    [
        "--host", "--port", "--db", "--metrics-port", "--enable-auto-start", "--auto-start-id-tag",
        "--auto-start-delay", "--fluentd-endpoint", "--fluentd-tag", "--log-level", "--ocpp-log-level",
        "--heartbeat-interval", "--response-timeout", "--disable-websocket-ping",
    ];

    private static async Task<(int Exit, string Out, string Err, LevityOptions? Ran)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        LevityOptions? ran = null;
        var exit = await LevityCli.InvokeAsync(args, output, error, (options, _) =>
        {
            ran = options;
            return Task.FromResult(0);
        });
        return (exit, output.ToString(), error.ToString(), ran);
    }

    [Fact]
    public async Task Help_ListsEveryPythonFlag_ExitsZero()
    {
        var (exit, output, _, ran) = await Run("--help");

        Assert.Equal(0, exit);
        Assert.Null(ran);
        foreach (var flag in PythonFlags)
        {
            Assert.Contains(flag, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoFlags_RunsServerWithPythonDefaults()
    {
        var (exit, _, error, ran) = await Run();

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.NotNull(ran);
        Assert.Equal("0.0.0.0", ran.Host);
        Assert.Equal(9000, ran.Port);
        Assert.Equal("levity.db", ran.Db);
        Assert.Null(ran.MetricsPort);
        Assert.False(ran.EnableAutoStart);
        Assert.Equal("anonymous", ran.AutoStartIdTag);
        Assert.Equal(1.0, ran.AutoStartDelay);
        Assert.Equal("ocpp", ran.FluentdTag);
        Assert.Equal(60, ran.HeartbeatInterval);
        Assert.Equal(30, ran.ResponseTimeout);
        Assert.False(ran.DisableWebsocketPing);
    }

    [Fact]
    public async Task Flags_AreBoundToOptions()
    {
        var (exit, _, _, ran) = await Run(
            "--host", "127.0.0.1", "--port", "9100", "--db", "/tmp/x.db", "--metrics-port", "9091",
            "--enable-auto-start", "--auto-start-id-tag", "house7", "--auto-start-delay", "2.5",
            "--fluentd-endpoint", "localhost:24224", "--fluentd-tag", "site", "--log-level", "DEBUG",
            "--ocpp-log-level", "WARNING", "--heartbeat-interval", "120", "--response-timeout", "12.5",
            "--disable-websocket-ping", "--strict-validation", "--metrics-max-series", "25000");

        Assert.Equal(0, exit);
        Assert.NotNull(ran);
        Assert.Equal("127.0.0.1", ran.Host);
        Assert.Equal(9100, ran.Port);
        Assert.Equal("/tmp/x.db", ran.Db);
        Assert.Equal(9091, ran.MetricsPort);
        Assert.True(ran.EnableAutoStart);
        Assert.Equal("house7", ran.AutoStartIdTag);
        Assert.Equal(2.5, ran.AutoStartDelay);
        Assert.Equal("localhost:24224", ran.FluentdEndpoint);
        Assert.Equal("site", ran.FluentdTag);
        Assert.Equal("DEBUG", ran.LogLevel);
        Assert.Equal("WARNING", ran.OcppLogLevel);
        Assert.Equal(120, ran.HeartbeatInterval);
        Assert.Equal(12.5, ran.ResponseTimeout);
        Assert.True(ran.DisableWebsocketPing);
        Assert.True(ran.StrictValidation);
        Assert.Equal(25_000, ran.MetricsMaxSeries);
    }

    [Theory]
    [InlineData("--port", "abc", "--port")]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--heartbeat-interval", "0", "--heartbeat-interval")]
    [InlineData("--metrics-max-series", "10", "--metrics-max-series")]
    [InlineData("--response-timeout", "-1", "--response-timeout")]
    [InlineData("--auto-start-delay", "soon", "--auto-start-delay")]
    [InlineData("--fluentd-endpoint", "nohost", "--fluentd-endpoint")]
    [InlineData("--fluentd-endpoint", "host:99999", "--fluentd-endpoint")]
    [InlineData("--log-level", "LOUD", "--log-level")]
    [InlineData("--host", "not a host!", "--host")]
    public async Task BadValue_PrintsErrorNamingFlag_ExitsTwo(string flag, string value, string named)
    {
        var (exit, _, error, ran) = await Run(flag, value);

        Assert.Equal(LevityCli.ExitUsage, exit);
        Assert.Null(ran);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFlag_ExitsTwo()
    {
        var (exit, _, error, ran) = await Run("--bogus");

        Assert.Equal(LevityCli.ExitUsage, exit);
        Assert.Null(ran);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
    }
}
