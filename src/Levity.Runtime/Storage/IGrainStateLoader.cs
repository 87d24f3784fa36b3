namespace Levity.Runtime.Storage;

/// <summary>A state the activation reads before <see cref="Grain.OnActivateAsync"/>.</summary>
internal interface IGrainStateLoader
{
    Task LoadAsync(CancellationToken cancellationToken);
}
