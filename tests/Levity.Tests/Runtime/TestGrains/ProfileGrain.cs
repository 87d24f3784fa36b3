using Levity.Runtime;
using Levity.Runtime.Storage;

namespace Levity.Tests.Runtime.TestGrains;

public sealed class ProfileGrain(
    [PersistentState("profile")] IPersistentState<ProfileState> profile,
    GrainProbe probe,
    [PersistentState("backup", "Default")] IPersistentState<ProfileState> backup) : Grain, IProfileGrain
{
    private ProfileState _atActivation = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _atActivation = profile.State;
        probe.Record($"activate:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public Task<ProfileState> GetState() => Task.FromResult(profile.State);

    public Task<ProfileState> GetBackupState() => Task.FromResult(backup.State);

    public Task<ProfileState> GetStateAtActivation() => Task.FromResult(_atActivation);

    public async Task SetName(string name)
    {
        profile.State = profile.State with { Name = name, Visits = profile.State.Visits + 1 };
        await profile.WriteStateAsync();
    }

    public async Task SetBackupName(string name)
    {
        backup.State = backup.State with { Name = name };
        await backup.WriteStateAsync();
    }

    public Task<string?> GetEtag() => Task.FromResult(profile.Etag);

    public Task<bool> GetRecordExists() => Task.FromResult(profile.RecordExists);

    public Task Clear() => profile.ClearStateAsync();

    public Task Reload() => profile.ReadStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
