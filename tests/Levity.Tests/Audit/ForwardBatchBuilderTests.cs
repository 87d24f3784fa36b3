using Levity.Silo.Audit.Fluentd;
using Levity.Silo.Audit.Records;
using Levity.Tests.Audit.Support;

namespace Levity.Tests.Audit;

public sealed class ForwardBatchBuilderTests
{
    [Fact]
    public void Add_AfterTheFirstBatch_AllocatesNothingPerRecord()
    {
        var builder = new ForwardBatchBuilder(new AuditTags("site"));
        var record = Record();
        AddBatch(builder, record);
        builder.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        AddBatch(builder, record);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(100, builder.Records);
        var batch = new ForwardBatch();
        builder.MoveTo(batch, withChunks: false);
        var message = (List<object?>)MsgPackDecoder.Decode(batch.Bytes(Assert.Single(batch.Messages)).Span)!;
        var entries = MsgPackDecoder.DecodeAll((byte[])message[1]!);
        Assert.Equal(100, entries.Count);
        Assert.All(entries, e => Assert.Equal("x", ((Dictionary<object, object?>)((List<object?>)e!)[1]!)["k"]));
    }

    private static void AddBatch(ForwardBatchBuilder builder, byte[] record)
    {
        for (var i = 0; i < 100; i++)
        {
            builder.Add(AuditTags.Unknown, DateTime.UnixEpoch.Ticks + i, record);
        }
    }

    // {"k": "x"}
    private static byte[] Record() => [0x81, 0xa1, (byte)'k', 0xa1, (byte)'x'];
}
