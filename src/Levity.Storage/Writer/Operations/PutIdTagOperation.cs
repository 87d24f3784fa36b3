namespace Levity.Storage.Writer.Operations;

/// <summary>Creates or replaces an id tag; the result says whether it was created.</summary>
internal sealed class PutIdTagOperation(IdTagRecord tag) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        var created = !session.IdTags.Exists(tag.IdTag);
        session.IdTags.Upsert(tag, tag.ExpiryDate is { } expiry ? session.Iso(expiry) : null, session.NowRowStamp);
        return created;
    }
}
