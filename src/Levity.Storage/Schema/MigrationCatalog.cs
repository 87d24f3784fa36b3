using Levity.Storage.Schema.Migrations;

namespace Levity.Storage.Schema;

/// <summary>
/// Every schema step in order. Later work appends (never edits or reorders): a new migration gets
/// the next version and its own file in Migrations/. A released database may sit at any version.
/// </summary>
internal static class MigrationCatalog
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        V001PythonBaseline.Migration,
        V002MeterValueConnectorNumber.Migration,
        V003Anomalies.Migration,
        V004TransactionDetails.Migration,
        V005IdTags.Migration,
        V006OperatorRecords.Migration,
        V007MeterValueWriteIndexes.Migration,
        V008ChargingProfileEnded.Migration,
        V009DropGrainState.Migration,
        V010ChargerRegistry.Migration,
        V011LoadGroups.Migration,
    ];

    public static int LatestVersion => All[^1].Version;
}
