namespace Levity.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Solution_Builds_TestsRun() => Assert.Equal(4, 2 + 2);
}
