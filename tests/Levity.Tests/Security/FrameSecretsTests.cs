using System.Text;
using System.Text.Json.Nodes;
using Levity.Silo.Security;

namespace Levity.Tests.Security;

public sealed class FrameSecretsTests
{
    private static string Redact(string frame) => Encoding.UTF8.GetString(FrameSecrets.Redact(Encoding.UTF8.GetBytes(frame)).Span);

    [Fact]
    public void ChangeConfiguration_AuthorizationKey_ValueRedacted()
    {
        var redacted = Redact("""[2,"c1","ChangeConfiguration",{"key":"AuthorizationKey","value":"00FF3A3A80C3281020"}]""");

        Assert.DoesNotContain("00FF3A3A80C3281020", redacted, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[2,"c1","ChangeConfiguration",{"key":"AuthorizationKey","value":"***"}]"""), JsonNode.Parse(redacted)));
    }

    [Fact]
    public void GetConfigurationAnswer_VendorPasswordKey_ValueRedactedOthersKept()
    {
        var redacted = Redact("""[3,"c2",{"configurationKey":[{"key":"StationPassword","readonly":false,"value":"hunter2hunter2"},{"key":"HeartbeatInterval","readonly":false,"value":"60"}],"unknownKey":[]}]""");

        Assert.DoesNotContain("hunter2hunter2", redacted, StringComparison.Ordinal);
        Assert.Contains("\"60\"", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void FrameWithoutSecrets_ReturnedAsTheSameMemory()
    {
        var frame = Encoding.UTF8.GetBytes("""[2,"c3","ChangeConfiguration",{"key":"HeartbeatInterval","value":"30"}]""").AsMemory();

        Assert.True(FrameSecrets.Redact(frame).Equals(frame));
    }

    [Fact]
    public void NotJson_ReturnedUnchanged()
    {
        Assert.Equal("""not json "key" at all""", Redact("""not json "key" at all"""));
    }
}
