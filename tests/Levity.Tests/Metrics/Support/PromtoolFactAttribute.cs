using Xunit.Sdk;

namespace Levity.Tests.Metrics.Support;

/// <summary>A fact that needs promtool: reported skipped, with the reason in its name, where promtool is missing.</summary>
[XunitTestCaseDiscoverer("Levity.Tests.Metrics.Support.PromtoolFactDiscoverer", "Levity.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PromtoolFactAttribute : FactAttribute
{
}
