namespace Levity.Storage.Schema.Migrations;

/// <summary>
/// Version 5: the <c>id_tag</c> table, the operator's list of RFID cards and app tokens. Authorize
/// and StartTransaction answer from it in <c>known-tags</c> mode; its <c>label</c> names the
/// household a tag bills to (reports group by it; a tag without a label is its own group).
/// OCPP 1.6 says an IdToken is case-insensitive, hence NOCASE on the key and the parent.
/// </summary>
internal static class V005IdTags
{
    public static Migration Migration { get; } = new(5, "id-tags", Apply);

    private static void Apply(MigrationContext context) => context.Execute(Sql);

    private const string Sql = """
        CREATE TABLE IF NOT EXISTS id_tag (
            id_tag TEXT PRIMARY KEY COLLATE NOCASE,    -- The OCPP idTag (at most 20 characters)
            status TEXT NOT NULL DEFAULT 'Accepted',   -- Accepted, Blocked, Expired, Invalid
            expiry_date DATETIME,                      -- After this instant the tag answers Expired (ISO 8601, UTC)
            parent_id_tag TEXT COLLATE NOCASE,         -- Group tag sent back as idTagInfo.parentIdTag
            label TEXT NOT NULL DEFAULT '',            -- Free text, e.g. the household; reports group by it
            created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            CHECK (status IN ('Accepted', 'Blocked', 'Expired', 'Invalid'))
        );
        CREATE INDEX IF NOT EXISTS idx_id_tag_label ON id_tag(label);
        """;
}
