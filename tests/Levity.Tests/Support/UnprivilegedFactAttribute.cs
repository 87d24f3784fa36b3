using Xunit.Sdk;

namespace Levity.Tests.Support;

/// <summary>
/// A fact that runs levity as a user without root's override of file permissions: reported skipped,
/// with the reason in its name, where it cannot (<see cref="LevityCommand.UnprivilegedUnavailable"/>).
/// </summary>
[XunitTestCaseDiscoverer("Levity.Tests.Support.UnprivilegedFactDiscoverer", "Levity.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class UnprivilegedFactAttribute : FactAttribute
{
}
