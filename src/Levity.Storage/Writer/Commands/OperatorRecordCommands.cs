using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>The statements of schema version 6: reservations, charging profiles, firmware/diagnostics status.</summary>
internal sealed class OperatorRecordCommands(SqliteConnection connection) : IDisposable
{
    public ReservationCommands Reservations { get; } = new(connection);

    public ChargingProfileCommands ChargingProfiles { get; } = new(connection);

    public MaintenanceStatusCommands Maintenance { get; } = new(connection);

    public void Dispose()
    {
        Reservations.Dispose();
        ChargingProfiles.Dispose();
        Maintenance.Dispose();
    }
}
