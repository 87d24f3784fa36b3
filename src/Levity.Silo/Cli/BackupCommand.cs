using System.CommandLine;
using System.Globalization;
using Levity.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Levity.Silo.Cli;

/// <summary>
/// `levity backup --to FILE`: a consistent copy of the database while the server keeps running
/// (SQLite's online backup API through the file, not through the server), checked with SQLite's
/// quick check before it gets its final name.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var to = new Option<string>("--to") { Description = "File to write the copy to; it must not exist, its folder must", Required = true };
        var db = new Option<string>("--db")
        {
            Description = "The database to copy (default: $LEVITY_DB, else levity.db)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LEVITY_DB") is { Length: > 0 } configured ? configured : "levity.db",
        };
        var command = new Command(
            "backup",
            "Copy the database consistently, also while the server runs. Exit codes: 0 copied; 2 bad --to or --db; 3 the database could not be read or the copy failed its check.");
        command.Options.Add(to);
        command.Options.Add(db);
        command.SetAction((result, ct) => RunAsync(result.GetValue(db)!, result.GetValue(to)!, output, error, ct));
        return command;
    }

    private static async Task<int> RunAsync(string source, string target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(source))
        {
            await error.WriteLineAsync($"levity backup: --db: database file '{Path.GetFullPath(source)}' does not exist.".AsMemory(), cancellationToken);
            return LevityCli.ExitUsage;
        }

        var targetPath = Path.GetFullPath(target);
        if (File.Exists(targetPath) || Directory.Exists(targetPath))
        {
            await error.WriteLineAsync($"levity backup: --to: '{targetPath}' already exists; choose another name or remove it first.".AsMemory(), cancellationToken);
            return LevityCli.ExitUsage;
        }

        if (!Directory.Exists(Path.GetDirectoryName(targetPath)))
        {
            await error.WriteLineAsync($"levity backup: --to: the folder '{Path.GetDirectoryName(targetPath)}' does not exist.".AsMemory(), cancellationToken);
            return LevityCli.ExitUsage;
        }

        try
        {
            // SQLite's backup runs synchronously; keep it off the caller's thread.
            var copy = await Task.Run(() => DatabaseBackup.Copy(source, targetPath, cancellationToken), cancellationToken);
            var megabytes = (copy.Bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture);
            await output.WriteLineAsync(
                $"Copied '{Path.GetFullPath(source)}' to '{copy.Path}' ({megabytes} MiB, schema version {copy.SchemaVersion}, quick check ok).".AsMemory(),
                cancellationToken);
            return LevityCli.ExitOk;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"levity backup: copying '{Path.GetFullPath(source)}' failed: {e.Message}".AsMemory(), cancellationToken);
            return LevityCli.ExitDatabase;
        }
    }
}
