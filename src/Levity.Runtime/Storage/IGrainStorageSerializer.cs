namespace Levity.Runtime.Storage;

/// <summary>Turns grain states into stored text and back.</summary>
public interface IGrainStorageSerializer
{
    string Serialize<T>(T value);

    T Deserialize<T>(string payload);
}
