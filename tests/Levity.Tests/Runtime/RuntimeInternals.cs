using Levity.Runtime;
using Levity.Runtime.Activation;
using Levity.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Runtime;

/// <summary>Looks inside the silo where a test needs a settled state to assert on.</summary>
internal static class RuntimeInternals
{
    public static GrainActivation Activation(this InProcessTestCluster cluster, IAddressable grain) =>
        cluster.ServiceProvider.GetRequiredService<Levity.Runtime.Hosting.Silo>().Directory.Find(grain.GetGrainId())
            ?? throw new InvalidOperationException($"{grain.GetGrainId()} has no activation.");

    public static int ActivationCount(this InProcessTestCluster cluster) =>
        cluster.ServiceProvider.GetRequiredService<Levity.Runtime.Hosting.Silo>().Directory.Count;

    /// <summary>
    /// Waits until the activation has no running or queued turn. Turn ends are bookkeeping done
    /// just after the grain's code finishes, so there is no event to await; this yields until it
    /// is done, with <see cref="GrainProbe.Timeout"/> as a failure guard.
    /// </summary>
    public static async Task WaitUntilIdleAsync(this GrainActivation activation)
    {
        var deadline = DateTime.UtcNow + GrainProbe.Timeout;
        while (activation.IsBusy)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{activation} stayed busy.");
            }

            await Task.Yield();
        }
    }
}
