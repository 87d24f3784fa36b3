namespace Levity.Storage.LoadManagement;

/// <summary>How a load-group write ended; all but Created, Updated and Deleted changed nothing.</summary>
public enum LoadGroupWriteOutcome
{
    Created,
    Updated,
    Deleted,
    NotFound,
    ParentNotFound,
    Cycle,
    MemberElsewhere,
    HasChildren,
}
