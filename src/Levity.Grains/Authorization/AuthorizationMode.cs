namespace Levity.Grains.Authorization;

/// <summary>What Authorize and StartTransaction answer for an idTag that is not in the id-tag table.</summary>
public enum AuthorizationMode
{
    /// <summary>Unknown tags are Accepted (the Python version); known tags still answer from the table.</summary>
    AcceptAll,

    /// <summary>Unknown tags are Invalid: only tags in the table can charge.</summary>
    KnownTags,
}
