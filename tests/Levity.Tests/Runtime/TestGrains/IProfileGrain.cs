using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public interface IProfileGrain : IGrainWithStringKey
{
    Task<ProfileState> GetState();

    Task<ProfileState> GetBackupState();

    /// <summary>The state as OnActivateAsync saw it.</summary>
    Task<ProfileState> GetStateAtActivation();

    Task SetName(string name);

    Task SetBackupName(string name);

    Task<string?> GetEtag();

    Task<bool> GetRecordExists();

    Task Clear();

    Task Reload();

    Task Deactivate();
}
