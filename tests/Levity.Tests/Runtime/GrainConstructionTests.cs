using Levity.Runtime;
using Levity.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Runtime;

/// <summary>How a grain's constructor gets its arguments: DI services, keyed services, defaults, state.</summary>
public sealed class GrainConstructionTests
{
    [Fact]
    public async Task Constructor_KeyedAndOptionalParameters_AreResolvedOrDefaulted()
    {
        await using var cluster = await TestSilo.StartAsync(
            silo => silo.AddGrain<IConstructedGrain, ConstructedGrain>(),
            services => services.AddKeyedSingleton("site", new Greeting("keyed")).AddSingleton(new Greeting("plain")));

        Assert.Equal("keyed|plain|7", await cluster.Grain<IConstructedGrain>("a").Describe());
    }

    [Fact]
    public async Task Constructor_ServiceMissing_CallFailsNamingTheTypeAndTheGrain()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddGrain<IConstructedGrain, ConstructedGrain>());

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Grain<IConstructedGrain>("a").Describe());

        Assert.Contains(typeof(Greeting).FullName!, exception.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ConstructedGrain), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_Throws_CallerGetsTheGrainsOwnException()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddGrain<IConstructedGrain, ThrowingConstructorGrain>());

        var exception = await Assert.ThrowsAsync<FormatException>(() => cluster.Grain<IConstructedGrain>("a").Describe());

        Assert.Equal("bad configuration", exception.Message);
    }

    public sealed record Greeting(string Text);

    public interface IConstructedGrain : IGrainWithStringKey
    {
        Task<string> Describe();
    }

    public sealed class ConstructedGrain(
        [FromKeyedServices("site")] Greeting keyed,
        Greeting plain,
        int retries = 7) : Grain, IConstructedGrain
    {
        public Task<string> Describe() => Task.FromResult($"{keyed.Text}|{plain.Text}|{retries}");
    }

    public sealed class ThrowingConstructorGrain : Grain, IConstructedGrain
    {
        public ThrowingConstructorGrain() => throw new FormatException("bad configuration");

        public Task<string> Describe() => Task.FromResult(string.Empty);
    }
}
