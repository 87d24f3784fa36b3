namespace Levity.Runtime;

/// <summary>
/// Identity of a grain: its grain type (see <see cref="GrainTypeAttribute"/>) and its key. Printed
/// as <c>type/key</c> like Orleans.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
