using Levity.Ocpp.Actions;
using Levity.Silo.Audit.Fluentd;
using Levity.Silo.Audit.Records;
using Levity.Tests.Audit.Support;
using MessagePack;

namespace Levity.Tests.Audit;

public sealed class AuditTagsTests
{
    [Fact]
    public void Tags_EveryActionAndEvent_UniqueDotSeparatedLowercaseUnderPrefix()
    {
        var tags = new AuditTags("site");
        var all = Enumerable.Range(0, AuditTags.Count).Select(i => tags[i]).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, t => Assert.Matches("^site\\.[a-z_.]+$", t));
        Assert.Equal("site.websocket", tags[AuditTags.WebSocket]);
        Assert.Equal("site.unknown", tags[AuditTags.Unknown]);
        Assert.Equal("site.get_installed_certificate_ids", tags[AuditTags.ForAction(OcppAction.GetInstalledCertificateIds)]);
        Assert.Equal("site.api", tags[AuditTags.Api]);
        Assert.Equal(Enum.GetValues<OcppAction>().Length + 3, AuditTags.Count);
    }

    [Fact]
    public void EventTime_BeforeEpochOrFractional_ClampedAndNanosecondPrecise()
    {
        var written = MessagePackBytes.Of((ref MessagePackWriter w) =>
        {
            ForwardEventTime.Write(ref w, DateTime.UnixEpoch.Ticks - 1);
            ForwardEventTime.Write(ref w, DateTime.UnixEpoch.Ticks + TimeSpan.TicksPerSecond + 1);
        });
        Assert.Equal("d7000000000000000000d7000000000100000064", Convert.ToHexStringLower(written));
        var values = MsgPackDecoder.DecodeAll(written);
        Assert.Equal(new byte[8], ((MsgPackExt)values[0]!).Data);
        Assert.Equal(Convert.FromHexString("0000000100000064"), ((MsgPackExt)values[1]!).Data);
        Assert.Equal(0, ((MsgPackExt)values[1]!).Type);
    }
}
