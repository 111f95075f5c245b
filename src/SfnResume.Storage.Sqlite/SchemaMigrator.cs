using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace SfnResume.Storage.Sqlite;

/// <summary>
/// Brings a database to the schema this build knows by running the embedded <c>Migrations/NNNN_*.sql</c> scripts
/// it has not run yet, in order, each in its own transaction together with the <c>PRAGMA user_version</c> that
/// records it, so a crash leaves the database at a whole version. A database newer than the code is refused.
/// </summary>
public static class SchemaMigrator
{
    private static readonly Lazy<IReadOnlyList<Migration>> s_migrations = new(LoadMigrations);

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => s_migrations.Value[^1].Version;

    /// <summary>Applies pending migrations; returns the version the database had before.</summary>
    /// <exception cref="SchemaVersionException">The database was written by a newer build.</exception>
    public static int Migrate(SqliteConnection connection, string databaseDescription)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var current = ReadVersion(connection);
        if (current > LatestVersion)
        {
            throw new SchemaVersionException(
                $"The state database {databaseDescription} has schema version {current}, but this build of sfn-resume " +
                $"only knows versions up to {LatestVersion}. Use a newer sfn-resume, or another state directory.",
                current, LatestVersion);
        }

        foreach (var migration in s_migrations.Value.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql + "\n" +
                    string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version};");
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return current;
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "SfnResume.Storage.Sqlite.Migrations.";
        var migrations = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = name[prefix.Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource '{file}' is not named NNNN_description.sql.");
            }

            migrations.Add(new Migration(version, Read(assembly, name)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3 ...; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations.Count > 0 ? migrations : throw new InvalidOperationException("No embedded migrations found.");
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Migration(int Version, string Sql);
}

/// <summary>The database's schema version is not one this build can use.</summary>
public sealed class SchemaVersionException : Exception
{
    public SchemaVersionException(string message, int databaseVersion, int supportedVersion)
        : base(message)
    {
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    public SchemaVersionException()
    {
    }

    public SchemaVersionException(string message)
        : base(message)
    {
    }

    public SchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int DatabaseVersion { get; }

    public int SupportedVersion { get; }
}
