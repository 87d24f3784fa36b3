using Levity.Storage;

namespace Levity.Silo.Api;

/// <summary>An id tag as the operator API shows it.</summary>
internal sealed record IdTagView(string IdTag, string Status, DateTimeOffset? ExpiryDate, string? ParentIdTag, string Label)
{
    public static IdTagView From(IdTagRecord tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return new(tag.IdTag, tag.Status, tag.ExpiryDate, tag.ParentIdTag, tag.Label);
    }
}

/// <summary>Body of <c>PUT /api/idtags/{idTag}</c>; every field optional (status defaults to Accepted).</summary>
internal sealed record IdTagBody(string? Status, DateTimeOffset? ExpiryDate, string? ParentIdTag, string? Label);
