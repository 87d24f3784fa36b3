using Levity.Runtime;
using Levity.Runtime.Filters;

namespace Levity.Tests.Runtime.TestGrains;

/// <summary>A grain that is its own call filter; records the order of filters in the probe.</summary>
public sealed class FilteredGrain(GrainProbe probe) : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    private int _callsServed;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        probe.Record("grain-filter:before");
        await context.Invoke();
        probe.Record("grain-filter:after");
    }

    public Task<int> GetNumber()
    {
        probe.Record("method");
        _callsServed++;
        return Task.FromResult(42);
    }

    public Task<string> Echo(string text)
    {
        probe.Record("method");
        _callsServed++;
        return Task.FromResult(text);
    }

    public Task DoNothing()
    {
        probe.Record("method");
        _callsServed++;
        return Task.CompletedTask;
    }

    public Task<int> GetCallsServed() => Task.FromResult(_callsServed);
}
