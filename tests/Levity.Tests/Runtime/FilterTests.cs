using Levity.Runtime.Filters;
using Levity.Runtime.Hosting;
using Levity.Tests.Runtime.TestGrains;

namespace Levity.Tests.Runtime;

public sealed class FilterTests
{
    [Fact]
    public async Task Filters_SiloWideThenGrainLevel_RunInRegistrationOrder()
    {
        GrainProbe? probe = null;
        await using var cluster = await TestSilo.StartAsync(silo =>
        {
            silo.AddIncomingGrainCallFilter(Recording("first", () => probe!));
            silo.AddIncomingGrainCallFilter(Recording("second", () => probe!));
        });
        probe = cluster.Probe();

        Assert.Equal(42, await cluster.Grain<IFilteredGrain>("order").GetNumber());

        Assert.Equal(
            ["first:before", "second:before", "grain-filter:before", "method", "grain-filter:after", "second:after", "first:after"],
            probe.Events);
    }

    [Fact]
    public async Task Filter_TypeRegistered_IsResolvedFromDependencyInjection()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter<CountingFilter>());

        await cluster.Grain<ICounterGrain>("di").Ping();
        await cluster.Grain<ICounterGrain>("di").Ping();

        Assert.Equal(2, cluster.Probe().Count("counting-filter"));
    }

    [Fact]
    public async Task Filter_SetsResultAfterInvoke_CallerGetsOverride()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(async context =>
        {
            await context.Invoke();
            context.Result = (int)context.Result! + 1;
        }));

        Assert.Equal(43, await cluster.Grain<IFilteredGrain>("override").GetNumber());
    }

    [Fact]
    public async Task Filter_AfterAsyncGrainMethod_SeesResultAndCanOverride()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(async context =>
        {
            await context.Invoke();
            if (context.MethodName == nameof(ICounterGrain.GetValueAfterYield))
            {
                context.Result = (int)context.Result! * 10;
            }
        }));
        var grain = cluster.Grain<ICounterGrain>("async-override");
        await grain.Add(3);

        Assert.Equal(30, await grain.GetValueAfterYield());
    }

    [Fact]
    public async Task Filter_ThrowsBeforeInvoke_CallerGetsExceptionMethodSkippedActivationSurvives()
    {
        var refusal = new UnauthorizedAccessException("not allowed");
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(context =>
            context.Arguments is ["forbidden"] ? throw refusal : context.Invoke()));
        var grain = cluster.Grain<IFilteredGrain>("throwing");

        var caught = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => grain.Echo("forbidden"));

        Assert.Same(refusal, caught);
        Assert.Equal("allowed", await grain.Echo("allowed"));
        Assert.Equal(1, await grain.GetCallsServed());
    }

    [Fact]
    public async Task Filter_ThrowsAfterInvoke_CallerGetsExceptionAfterMethodRan()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(async context =>
        {
            await context.Invoke();
            if (context.MethodName == nameof(IFilteredGrain.Echo))
            {
                throw new InvalidOperationException("rejected after the fact");
            }
        }));
        var grain = cluster.Grain<IFilteredGrain>("throwing-after");

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Echo("x"));

        Assert.Equal(1, await grain.GetCallsServed());
    }

    [Fact]
    public async Task Filter_SkipsInvoke_MethodNotRunAndCallerGetsDefault()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(context =>
            context.MethodName == nameof(IFilteredGrain.GetCallsServed) ? context.Invoke() : Task.CompletedTask));
        var grain = cluster.Grain<IFilteredGrain>("skipped");

        Assert.Equal(0, await grain.GetNumber());
        Assert.Null(await grain.Echo("ignored"));
        await grain.DoNothing();
        Assert.Equal(0, await grain.GetCallsServed());
    }

    [Fact]
    public async Task Filter_SetsResultWithoutInvoke_CallerGetsFiltersResult()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(context =>
        {
            context.Result = "from cache";
            return Task.CompletedTask;
        }));

        Assert.Equal("from cache", await cluster.Grain<IFilteredGrain>("cached").Echo("from grain"));
        Assert.Empty(cluster.Probe().Events);
    }

    [Fact]
    public async Task Filter_InvokesTwice_SecondInvokeThrowsAndMethodRunsOnce()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(async context =>
        {
            await context.Invoke();
            if (context.MethodName == nameof(IFilteredGrain.GetNumber))
            {
                await context.Invoke();
            }
        }));
        var grain = cluster.Grain<IFilteredGrain>("twice");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.GetNumber());

        Assert.Contains("at most once", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, await grain.GetCallsServed());
    }

    [Fact]
    public async Task Filter_SetsResultOfWrongType_CallerGetsInvalidCast()
    {
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(async context =>
        {
            await context.Invoke();
            context.Result = "not a number";
        }));

        await Assert.ThrowsAsync<InvalidCastException>(() => cluster.Grain<IFilteredGrain>("wrong-type").GetNumber());
    }

    [Fact]
    public async Task Filter_Context_DescribesTheCall()
    {
        IIncomingGrainCallContext? seen = null;
        object? grainSeen = null;
        string? description = null;
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(async context =>
        {
            seen = context;
            grainSeen = context.Grain;
            description = string.Join("|",
                context.InterfaceMethod.DeclaringType!.Name,
                context.InterfaceMethod.Name,
                context.ImplementationMethod.DeclaringType!.Name,
                context.MethodName,
                context.TargetId,
                context.TargetContext.GrainId,
                string.Join(",", context.Arguments));
            context.Arguments[0] = "rewritten";
            await context.Invoke();
        }));

        var echoed = await cluster.Grain<IFilteredGrain>("described").Echo("original");

        Assert.Equal("rewritten", echoed);
        Assert.Equal("IFilteredGrain|Echo|FilteredGrain|Echo|filtered/described|filtered/described|original", description);
        Assert.IsType<FilteredGrain>(grainSeen);
        Assert.NotNull(seen);
    }

    [Fact]
    public async Task Filter_ForMethodWithoutResult_ResultIsNull()
    {
        var results = new List<object?>();
        await using var cluster = await TestSilo.StartAsync(silo => silo.AddIncomingGrainCallFilter(async context =>
        {
            await context.Invoke();
            results.Add(context.Result);
        }));

        await cluster.Grain<IFilteredGrain>("void").DoNothing();

        Assert.Equal([null], results);
    }

    private static IncomingGrainCallFilterDelegate Recording(string name, Func<GrainProbe> probe) => async context =>
    {
        probe().Record($"{name}:before");
        await context.Invoke();
        probe().Record($"{name}:after");
    };

    private sealed class CountingFilter(GrainProbe probe) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            probe.Record("counting-filter");
            return context.Invoke();
        }
    }
}
