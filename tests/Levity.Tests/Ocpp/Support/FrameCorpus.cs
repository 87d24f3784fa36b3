using System.Text.Json.Nodes;

namespace Levity.Tests.Ocpp.Support;

/// <summary>Valid frames of every action (from the schemas) plus the real-world frames: seeds for fuzzing.</summary>
internal static class FrameCorpus
{
    public static IReadOnlyList<string> Build()
    {
        var frames = new List<string>(RealWorldFrames.All);
        var id = 0;
        foreach (var name in OcppTestData.SchemaNames)
        {
            var schema = OcppTestData.LoadSchema(name);
            foreach (var payload in new[] { SchemaSamples.Maximal(schema), SchemaSamples.Minimal(schema) })
            {
                var messageId = JsonValue.Create($"f-{id++}").ToJsonString();
                frames.Add(OcppTestData.IsResponse(name)
                    ? $"[3,{messageId},{payload.ToJsonString()}]"
                    : $"[2,{messageId},\"{name}\",{payload.ToJsonString()}]");
            }
        }

        frames.Add("""[4,"e-1","NotSupported","not here",{"detail":"x"}]""");
        return frames;
    }
}
