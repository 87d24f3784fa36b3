using Xunit.Abstractions;
using Xunit.Sdk;

namespace Levity.Tests.Support;

/// <summary>
/// Discovers a fact that needs an external program as runnable, or as skipped with the reason in
/// its name when <see cref="Problem"/> says the program is missing (.ci/run installs them).
/// </summary>
public abstract class RequiresToolDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <summary>Why the program cannot be used here; null when it can.</summary>
    protected abstract string? Problem { get; }

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return Problem is { } problem
            ? new SkippedTestCase(diagnosticMessageSink, display, displayOptions, testMethod, problem)
            : new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}
