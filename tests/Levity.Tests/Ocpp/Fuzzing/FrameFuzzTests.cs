using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Serialization;
using Levity.Ocpp.Sessions;
using Levity.Ocpp.Validation;
using Levity.Tests.Ocpp.Support;
using Xunit.Abstractions;

namespace Levity.Tests.Ocpp.Fuzzing;

/// <summary>
/// 100,000 hostile inputs (fixed seed) through the whole receive path, in both validation
/// modes, and mutated response payloads through the response reader: nothing may throw, and
/// no input may allocate more than a bound linear in its size.
/// </summary>
public sealed class FrameFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 100_000;
    private const int Seed = 20261121;

    // Generous: an input may be copied a few times (strings, a CALLERROR reply, exception text),
    // but never more than that.
    private static long AllocationBound(int inputLength) => (64 * 1024) + (16L * inputLength);

    [Fact]
    public void Receive_RandomAndMutatedFrames_NeverThrowsAndAllocationStaysBounded()
    {
        var corpus = FrameCorpus.Build().Select(Encoding.UTF8.GetBytes).ToList();
        var mutator = new FrameMutator(new Random(Seed), corpus);
        var sessions = new[] { CreateSession(strict: false), CreateSession(strict: true) };
        var outcomes = new int[Enum.GetValues<OcppInboundKind>().Length];
        var responsesRead = 0;
        long worstAllocation = 0;

        // One-time costs (catalogue and schema compilation, first exceptions) are not per input.
        var warmUp = new FrameMutator(new Random(Seed + 1), corpus);
        for (var i = 0; i < 5_000; i++)
        {
            var input = warmUp.Next();
            try
            {
                sessions[i % 2].Receive(input);
                ReadAsResponse(input, i);
            }
            catch (Exception exception)
            {
                Assert.Fail($"warm-up input #{i} threw {exception}\ninput: {OcppFrameParser.Excerpt(input)}");
            }
        }

        for (var i = 0; i < Inputs; i++)
        {
            var input = mutator.Next();
            var before = GC.GetAllocatedBytesForCurrentThread();
            OcppInbound inbound;
            try
            {
                inbound = sessions[i % 2].Receive(input);
                if (i % 4 == 0)
                {
                    responsesRead += ReadAsResponse(input, i) ? 1 : 0;
                }
            }
            catch (Exception exception)
            {
                Assert.Fail($"input #{i} threw {exception}\ninput: {OcppFrameParser.Excerpt(input)}");
                return;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated <= AllocationBound(input.Length),
                $"input #{i} ({input.Length} bytes) allocated {allocated} bytes\ninput: {OcppFrameParser.Excerpt(input)}");
            outcomes[(int)inbound.Kind]++;
            worstAllocation = Math.Max(worstAllocation, allocated - (16L * input.Length));
        }

        output.WriteLine($"outcomes: {string.Join(", ", Enum.GetValues<OcppInboundKind>().Select(k => $"{k} {outcomes[(int)k]}"))}; " +
                         $"responses read: {responsesRead}; worst allocation beyond 16 B/input byte: {worstAllocation} B");

        // The fuzzer must reach past the framing: valid requests, replies and drops all occur.
        Assert.True(outcomes[(int)OcppInboundKind.Request] > 1000, $"requests: {outcomes[(int)OcppInboundKind.Request]}");
        Assert.True(outcomes[(int)OcppInboundKind.Reply] > 1000, $"replies: {outcomes[(int)OcppInboundKind.Reply]}");
        Assert.True(outcomes[(int)OcppInboundKind.Dropped] > 1000, $"drops: {outcomes[(int)OcppInboundKind.Dropped]}");
        Assert.True(responsesRead > 100, $"responses read: {responsesRead}");
    }

    /// <summary>Reads the payload of a CALLRESULT-shaped input against every response schema in turn.</summary>
    private static bool ReadAsResponse(byte[] input, int i)
    {
        var parsed = OcppFrameParser.Parse(input);
        if (parsed.Frame is not OcppCallResult result)
        {
            return false;
        }

        var action = OcppActions.All[i % OcppActions.All.Count];
        var mode = i % 8 == 0 ? OcppValidationMode.Strict : OcppValidationMode.Tolerant;
        return OcppPayloadReader.ReadResponse(action, result.Payload.Span, mode).IsSuccess || true;
    }

    private static OcppSession CreateSession(bool strict) =>
        new(
            strict ? "fuzz-strict" : "fuzz-tolerant",
            new OcppProtocolOptions { StrictValidation = strict },
            (_, _) => ValueTask.CompletedTask,
            TimeProvider.System,
            new OcppToleranceTracker(),
            new TestLogger<OcppSession> { Keep = false });
}
