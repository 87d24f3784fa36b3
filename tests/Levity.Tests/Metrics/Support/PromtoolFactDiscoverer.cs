using Levity.Tests.Audit.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Levity.Tests.Metrics.Support;

/// <summary>Checks once for promtool and discovers each <see cref="PromtoolFactAttribute"/> test as runnable or skipped.</summary>
public sealed class PromtoolFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return Promtool.Problem is { } problem
            ? new SkippedTestCase(diagnosticMessageSink, display, displayOptions, testMethod, problem)
            : new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}
