using Xunit.Abstractions;
using Xunit.Sdk;

namespace Levity.Tests.Audit.Support;

/// <summary>Checks once for python3-msgpack and discovers each <see cref="PythonMsgpackFactAttribute"/> test as runnable or skipped.</summary>
public sealed class PythonMsgpackFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return PythonMsgpack.Problem is { } problem
            ? new SkippedTestCase(diagnosticMessageSink, display, displayOptions, testMethod, problem)
            : new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}
