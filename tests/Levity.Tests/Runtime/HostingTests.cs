using Levity.Runtime;
using Levity.Runtime.Configuration;
using Levity.Runtime.Hosting;
using Levity.Runtime.Storage;
using Levity.Tests.Runtime.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Levity.Tests.Runtime;

public sealed class HostingTests
{
    [Fact]
    public async Task AddLevitySilo_InGenericHost_StartsAndStopsWithTheHost()
    {
        using var host = BuildHost(silo => silo.AddGrain<ICounterGrain, CounterGrain>());
        var probe = host.Services.GetRequiredService<GrainProbe>();
        await host.StartAsync();

        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("hosted");
        Assert.Equal(3, await grain.Add(3));
        await host.StopAsync();

        Assert.Equal(["activate:hosted", "deactivate:hosted:ShuttingDown"], probe.Events);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => grain.Get());
    }

    [Fact]
    public async Task Call_BeforeHostStarts_FailsWithSiloUnavailable()
    {
        using var host = BuildHost(silo => silo.AddGrain<ICounterGrain, CounterGrain>());

        var call = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("early").Add(1);

        var exception = await Assert.ThrowsAsync<SiloUnavailableException>(() => call);
        Assert.Contains("not started", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneClassTwoInterfaces_SameKey_ReachSameActivation()
    {
        using var host = BuildHost(silo => silo.AddGrain<IReader, ReaderWriterGrain>().AddGrain<IWriter, ReaderWriterGrain>());
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IGrainFactory>();

        await factory.GetGrain<IWriter>("shared").Write("value");

        Assert.Equal("value", await factory.GetGrain<IReader>("shared").Read());
        await host.StopAsync();
    }

    [Fact]
    public void AddGrain_InterfaceWithProperty_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => BuildHost(silo => silo.AddGrain<IWithProperty, WithPropertyGrain>()));

        Assert.Contains("properties", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGrain_MethodNotReturningTask_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => BuildHost(silo => silo.AddGrain<ISynchronous, SynchronousGrain>()));

        Assert.Contains("must return Task", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGrain_ClassWithTwoConstructors_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => BuildHost(silo => silo.AddGrain<IReader, TwoConstructorsGrain>()));
    }

    [Fact]
    public void AddGrain_PersistentStateOnWrongParameterType_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => BuildHost(silo => silo.AddGrain<IReader, WrongStateParameterGrain>()));
    }

    [Fact]
    public async Task Start_TwoClassesWithSameGrainType_FailsNamingBoth()
    {
        using var host = BuildHost(silo => silo.AddGrain<IReader, ReaderWriterGrain>().AddGrain<IWriter, ClashingGrain>());

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("readerwriter", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NonPositiveCollectionAge_Fails()
    {
        using var host = BuildHost(silo => silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.Zero));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.StartAsync());
    }

    private static IHost BuildHost(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<GrainProbe>();
        builder.Services.AddLevitySilo(configure);
        return builder.Build();
    }

    public interface IReader : IGrainWithStringKey
    {
        Task<string?> Read();
    }

    public interface IWriter : IGrainWithStringKey
    {
        Task Write(string value);
    }

    public sealed class ReaderWriterGrain : Grain, IReader, IWriter
    {
        private string? _value;

        public Task<string?> Read() => Task.FromResult(_value);

        public Task Write(string value)
        {
            _value = value;
            return Task.CompletedTask;
        }
    }

    [GrainType("readerwriter")]
    public sealed class ClashingGrain : Grain, IWriter
    {
        public Task Write(string value) => Task.CompletedTask;
    }

    public interface IWithProperty : IGrainWithStringKey
    {
        Task<int> Value { get; }
    }

    public sealed class WithPropertyGrain : Grain, IWithProperty
    {
        public Task<int> Value => Task.FromResult(1);
    }

    public interface ISynchronous : IGrainWithStringKey
    {
        int Compute();
    }

    public sealed class SynchronousGrain : Grain, ISynchronous
    {
        public int Compute() => 1;
    }

    public sealed class TwoConstructorsGrain : Grain, IReader
    {
        public TwoConstructorsGrain()
        {
        }

        public TwoConstructorsGrain(GrainProbe probe) => ArgumentNullException.ThrowIfNull(probe);

        public Task<string?> Read() => Task.FromResult<string?>(null);
    }

    public sealed class WrongStateParameterGrain([PersistentState("state")] ProfileState state) : Grain, IReader
    {
        public Task<string?> Read() => Task.FromResult(state.Name);
    }
}
