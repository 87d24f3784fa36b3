using Xunit.Sdk;

namespace Levity.Tests.Audit.Support;

/// <summary>
/// A fact that may decide at run time that it cannot run (an external tool is missing): it
/// throws <see cref="SkipException"/> and xunit reports it as skipped, with the reason, instead of
/// failed. xunit 2 has no dynamic skip of its own.
/// </summary>
[XunitTestCaseDiscoverer("Levity.Tests.Audit.Support.SkippableFactDiscoverer", "Levity.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SkippableFactAttribute : FactAttribute
{
}
