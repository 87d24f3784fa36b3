namespace Levity.Storage.LoadManagement;

/// <summary>The outcome of a load-group write, with what it concerns (the other group, the child).</summary>
public sealed record LoadGroupWriteResult(LoadGroupWriteOutcome Outcome, string? Detail = null)
{
    public bool Succeeded => Outcome is LoadGroupWriteOutcome.Created or LoadGroupWriteOutcome.Updated or LoadGroupWriteOutcome.Deleted;
}
