namespace Levity.Storage.Writer.Operations;

/// <summary>Deletes an id tag; the result says whether it existed.</summary>
internal sealed class DeleteIdTagOperation(string idTag) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session) => session.IdTags.Delete(idTag);
}
