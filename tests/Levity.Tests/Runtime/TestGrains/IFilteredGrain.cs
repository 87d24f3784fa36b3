using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public interface IFilteredGrain : IGrainWithStringKey
{
    Task<int> GetNumber();

    Task<string> Echo(string text);

    Task DoNothing();

    Task<int> GetCallsServed();
}
