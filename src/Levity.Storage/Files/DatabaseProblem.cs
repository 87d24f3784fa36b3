namespace Levity.Storage.Files;

/// <summary>Why a database file was refused at start.</summary>
public enum DatabaseProblem
{
    /// <summary>Another Levity (or another store in this process) has the file open.</summary>
    InUse,

    /// <summary>The file, or the folder its journal files go in, cannot be written.</summary>
    NotWritable,

    /// <summary>The file is not a SQLite database, or SQLite's quick check found damage.</summary>
    Corrupt,

    /// <summary>The file was written by a newer Levity.</summary>
    NewerSchema,

    /// <summary>A copy could not be saved before migrating, so nothing was migrated.</summary>
    BackupFailed,

    /// <summary>Any other reason SQLite gave for not opening the file.</summary>
    CannotOpen,
}
