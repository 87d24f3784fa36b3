using Levity.Silo.Configuration;
using Levity.Silo.Hosting;

namespace Levity.Tests.Hosting;

public sealed class LevityServerTests
{
    [Fact]
    public async Task Healthz_OnRealKestrel_AnswersOk()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var directory = Directory.CreateTempSubdirectory("levity-host-").FullName;
        var options = new LevityOptions { Host = "127.0.0.1", Port = 0, SiloPort = 0, LogLevel = "WARNING", Db = Path.Combine(directory, "levity.db") };
        await using var app = LevityServer.Build(options);
        await app.StartAsync(timeout.Token);

        var address = Assert.Single(LevityServer.BoundAddresses(app));
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var body = await http.GetStringAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal("ok\n", body);
        await app.StopAsync(timeout.Token);
        Assert.True(File.Exists(options.Db));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
