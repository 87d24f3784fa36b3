using Xunit.Sdk;

namespace Levity.Tests.Audit.Support;

/// <summary>
/// A fact that needs Python's msgpack. Where it is missing the test is reported skipped, and the
/// reason is part of its name, because dotnet test's default console output lists skipped tests
/// by name only (xunit 2 has no skipping decided at run time either).
/// </summary>
[XunitTestCaseDiscoverer("Levity.Tests.Audit.Support.PythonMsgpackFactDiscoverer", "Levity.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PythonMsgpackFactAttribute : FactAttribute
{
}
