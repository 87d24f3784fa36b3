using Xunit.Sdk;

namespace Levity.Tests.Deploy;

/// <summary>A fact that builds the Debian package: reported skipped, with the reason in its name, where it cannot.</summary>
[XunitTestCaseDiscoverer("Levity.Tests.Deploy.DebianPackageFactDiscoverer", "Levity.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class DebianPackageFactAttribute : FactAttribute
{
}
