using System.Text;

namespace Levity.Ocpp.Validation;

/// <summary>A named property of an <see cref="ObjectNode"/>.</summary>
internal sealed class SchemaProperty(string name, SchemaNode node, bool required)
{
    public string Name { get; } = name;

    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

    public SchemaNode Node { get; } = node;

    public bool Required { get; } = required;
}
