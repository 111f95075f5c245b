using Microsoft.Data.Sqlite;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Api.Json;

namespace SfnResume.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const string MachineColumns =
        "m.arn, m.name, m.type, m.status, m.creation_date, m.update_date, m.description, " + VersionColumns;

    private const string VersionColumns =
        "v.id, v.state_machine_arn, v.revision_id, v.definition, v.role_arn, v.logging_configuration, " +
        "v.tracing_configuration, v.encryption_configuration, v.created, v.version_number, v.version_description";

    private const string CurrentVersionJoin =
        "JOIN definition_versions v ON v.id = (SELECT MAX(id) FROM definition_versions WHERE state_machine_arn = m.arn)";

    /// <summary>
    /// Stores a new state machine with its first definition version and tags. CreateStateMachine is idempotent: a
    /// machine with the same name and the same definition, role, type, logging and tracing is returned as it is
    /// (<c>Created</c> false); a different one is StateMachineAlreadyExists, one being deleted StateMachineDeleting.
    /// </summary>
    public (StateMachineRecord Machine, bool Created) CreateStateMachine(NewStateMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return Write(tx =>
        {
            if (FindMachine(tx.Connection!, tx, machine.Arn) is { } existing)
            {
                if (existing.Status == StateMachineStatus.Deleting)
                {
                    throw SfnServiceException.StateMachineDeleting(machine.Arn);
                }

                return SameConfiguration(existing, machine)
                    ? (existing, false)
                    : throw SfnServiceException.StateMachineAlreadyExists(machine.Arn);
            }

            Prepared(tx, """
                INSERT INTO state_machines (arn, name, type, status, creation_date, update_date, description)
                VALUES ($arn, $name, $type, 'ACTIVE', $created, $created, $description)
                """)
                .With("$arn", machine.Arn).With("$name", machine.Name).With("$type", machine.Type)
                .With("$created", Sql.Ms(machine.CreationDate)).With("$description", machine.Description)
                .ExecuteNonQuery();
            InsertVersion(tx, machine.Arn, machine.RevisionId, machine.Definition, machine.RoleArn,
                machine.LoggingConfiguration, machine.TracingConfiguration, machine.EncryptionConfiguration, machine.CreationDate);
            if (machine.Tags is { Count: > 0 } tags)
            {
                UpsertTags(tx, machine.Arn, tags);
            }

            return (FindMachine(tx.Connection!, tx, machine.Arn)!, true);
        });
    }

    /// <summary>The machine and its current definition, or null.</summary>
    public StateMachineRecord? GetStateMachine(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return Read(c => FindMachine(c, null, arn));
    }

    /// <summary>
    /// Applies UpdateStateMachine: a new definition version when the definition, role, logging, tracing or
    /// encryption changes (running executions keep theirs). StateMachineDoesNotExist / StateMachineDeleting.
    /// </summary>
    public StateMachineRecord UpdateStateMachine(string arn, StateMachineUpdate update)
    {
        ArgumentNullException.ThrowIfNull(arn);
        ArgumentNullException.ThrowIfNull(update);
        return Write(tx =>
        {
            var machine = FindMachine(tx.Connection!, tx, arn) ?? throw SfnServiceException.StateMachineDoesNotExist(arn);
            if (machine.Status == StateMachineStatus.Deleting)
            {
                throw SfnServiceException.StateMachineDeleting(arn);
            }

            var current = machine.Current;
            var next = current with
            {
                Definition = update.Definition ?? current.Definition,
                RoleArn = update.RoleArn ?? current.RoleArn,
                LoggingConfiguration = update.LoggingConfiguration ?? current.LoggingConfiguration,
                TracingConfiguration = update.TracingConfiguration ?? current.TracingConfiguration,
                EncryptionConfiguration = update.EncryptionConfiguration ?? current.EncryptionConfiguration,
            };
            if (!SameVersionContent(current, next))
            {
                InsertVersion(tx, arn, update.RevisionId, next.Definition, next.RoleArn, next.LoggingConfiguration,
                    next.TracingConfiguration, next.EncryptionConfiguration, update.UpdateDate);
            }

            Prepared(tx, "UPDATE state_machines SET update_date = $updated WHERE arn = $arn")
                .With("$updated", Sql.Ms(update.UpdateDate)).With("$arn", arn).ExecuteNonQuery();
            return FindMachine(tx.Connection!, tx, arn)!;
        });
    }

    /// <summary>Adds a definition version to a machine (it becomes the current one) and returns it.</summary>
    public DefinitionVersionRecord AddDefinitionVersion(string stateMachineArn, string revisionId, string definition,
        string roleArn, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(stateMachineArn);
        return Write(tx =>
        {
            var machine = FindMachine(tx.Connection!, tx, stateMachineArn)
                ?? throw SfnServiceException.StateMachineDoesNotExist(stateMachineArn);
            var id = InsertVersion(tx, stateMachineArn, revisionId, definition, roleArn, machine.Current.LoggingConfiguration,
                machine.Current.TracingConfiguration, machine.Current.EncryptionConfiguration, created);
            return ReadVersion(tx.Connection!, tx, id)!;
        });
    }

    public DefinitionVersionRecord? GetDefinitionVersion(long id) => Read(c => ReadVersion(c, null, id));

    /// <summary>Every definition version of a machine, oldest first.</summary>
    public IReadOnlyList<DefinitionVersionRecord> ListDefinitionVersions(string stateMachineArn) => Read(c =>
    {
        using var command = ReadCommand(c, $"SELECT {VersionColumns} FROM definition_versions v WHERE v.state_machine_arn = $arn ORDER BY v.id")
            .With("$arn", stateMachineArn);
        using var reader = command.ExecuteReader();
        var versions = new List<DefinitionVersionRecord>();
        while (reader.Read())
        {
            versions.Add(ReadVersionRow(reader, 0));
        }

        return versions;
    });

    /// <summary>The exact definition an execution ran with, or null when the execution does not exist.</summary>
    public DefinitionVersionRecord? GetDefinitionForExecution(string executionArn) => Read(c =>
    {
        using var command = ReadCommand(c, $"""
            SELECT {VersionColumns} FROM executions e JOIN definition_versions v ON v.id = e.definition_version_id
            WHERE e.arn = $arn
            """).With("$arn", executionArn);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadVersionRow(reader, 0) : null;
    });

    /// <summary>DeleteStateMachine's first step: status DELETING (no new executions). False when there is no such machine.</summary>
    public bool MarkStateMachineDeleting(string arn) => Write(tx =>
        Prepared(tx, "UPDATE state_machines SET status = 'DELETING' WHERE arn = $arn").With("$arn", arn).ExecuteNonQuery() == 1);

    /// <summary>Removes a machine with its definitions, executions, histories and tags. False when there was none.</summary>
    public bool DeleteStateMachine(string arn) => Write(tx =>
    {
        Prepared(tx, "DELETE FROM tags WHERE resource_arn = $arn").With("$arn", arn).ExecuteNonQuery();
        return Prepared(tx, "DELETE FROM state_machines WHERE arn = $arn").With("$arn", arn).ExecuteNonQuery() == 1;
    });

    /// <summary>State machines in creation order, a page at a time.</summary>
    public Page<StateMachineRecord> ListStateMachines(int maxResults, string? nextToken)
    {
        const string scope = "ListStateMachines";
        var after = nextToken is null ? 0 : ParsePosition(PageToken.Decode(nextToken, scope));
        var size = PageSize(maxResults);
        return Read(c =>
        {
            using var command = ReadCommand(c, $"""
                SELECT m.id, {MachineColumns} FROM state_machines m {CurrentVersionJoin}
                WHERE m.id > $after ORDER BY m.id LIMIT $limit
                """).With("$after", after).With("$limit", size + 1);
            using var reader = command.ExecuteReader();
            var items = new List<StateMachineRecord>();
            long lastId = 0;
            while (items.Count < size && reader.Read())
            {
                lastId = reader.GetInt64(0);
                items.Add(ReadMachineRow(reader, 1));
            }

            var more = items.Count == size && reader.Read();
            return new Page<StateMachineRecord>(items, more ? PageToken.Encode(scope, Position(lastId)) : null);
        });
    }

    private StateMachineRecord? FindMachine(SqliteConnection connection, SqliteTransaction? tx, string arn)
    {
        var sql = $"SELECT {MachineColumns} FROM state_machines m {CurrentVersionJoin} WHERE m.arn = $arn";
        using var owned = tx is null ? ReadCommand(connection, sql) : null;
        var command = owned ?? Prepared(tx!, sql);
        command.With("$arn", arn);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadMachineRow(reader, 0) : null;
    }

    private DefinitionVersionRecord? ReadVersion(SqliteConnection connection, SqliteTransaction? tx, long id)
    {
        var sql = $"SELECT {VersionColumns} FROM definition_versions v WHERE v.id = $id";
        using var owned = tx is null ? ReadCommand(connection, sql) : null;
        var command = owned ?? Prepared(tx!, sql);
        command.With("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadVersionRow(reader, 0) : null;
    }

    private long InsertVersion(SqliteTransaction tx, string arn, string revisionId, string definition, string roleArn,
        LoggingConfiguration? logging, TracingConfiguration? tracing, EncryptionConfiguration? encryption, DateTimeOffset created)
    {
        var command = Prepared(tx, """
            INSERT INTO definition_versions (state_machine_arn, revision_id, definition, role_arn, logging_configuration,
                tracing_configuration, encryption_configuration, created)
            VALUES ($arn, $revision, $definition, $role, $logging, $tracing, $encryption, $created)
            RETURNING id
            """)
            .With("$arn", arn).With("$revision", revisionId).With("$definition", definition).With("$role", roleArn)
            .With("$logging", Sql.ToJson(logging, ApiJsonContext.Default.LoggingConfiguration))
            .With("$tracing", Sql.ToJson(tracing, ApiJsonContext.Default.TracingConfiguration))
            .With("$encryption", Sql.ToJson(encryption, ApiJsonContext.Default.EncryptionConfiguration))
            .With("$created", Sql.Ms(created));
        return (long)command.ExecuteScalar()!;
    }

    private static StateMachineRecord ReadMachineRow(SqliteDataReader r, int o) => new()
    {
        Arn = r.GetString(o),
        Name = r.GetString(o + 1),
        Type = r.GetString(o + 2),
        Status = r.GetString(o + 3),
        CreationDate = r.Instant(o + 4),
        UpdateDate = r.Instant(o + 5),
        Description = r.NullableString(o + 6),
        Current = ReadVersionRow(r, o + 7),
    };

    private static DefinitionVersionRecord ReadVersionRow(SqliteDataReader r, int o) => new()
    {
        Id = r.GetInt64(o),
        StateMachineArn = r.GetString(o + 1),
        RevisionId = r.GetString(o + 2),
        Definition = r.GetString(o + 3),
        RoleArn = r.GetString(o + 4),
        LoggingConfiguration = r.FromJson(o + 5, ApiJsonContext.Default.LoggingConfiguration),
        TracingConfiguration = r.FromJson(o + 6, ApiJsonContext.Default.TracingConfiguration),
        EncryptionConfiguration = r.FromJson(o + 7, ApiJsonContext.Default.EncryptionConfiguration),
        Created = r.Instant(o + 8),
        VersionNumber = r.IsDBNull(o + 9) ? null : r.GetInt32(o + 9),
        VersionDescription = r.NullableString(o + 10),
    };

    private static bool SameConfiguration(StateMachineRecord existing, NewStateMachine machine) =>
        existing.Type == machine.Type
        && SameVersionContent(existing.Current, existing.Current with
        {
            Definition = machine.Definition,
            RoleArn = machine.RoleArn,
            LoggingConfiguration = machine.LoggingConfiguration,
            TracingConfiguration = machine.TracingConfiguration,
            EncryptionConfiguration = machine.EncryptionConfiguration,
        });

    private static bool SameVersionContent(DefinitionVersionRecord a, DefinitionVersionRecord b) =>
        a.Definition == b.Definition
        && a.RoleArn == b.RoleArn
        && Sql.ToJson(a.LoggingConfiguration, ApiJsonContext.Default.LoggingConfiguration)
            == Sql.ToJson(b.LoggingConfiguration, ApiJsonContext.Default.LoggingConfiguration)
        && Sql.ToJson(a.TracingConfiguration, ApiJsonContext.Default.TracingConfiguration)
            == Sql.ToJson(b.TracingConfiguration, ApiJsonContext.Default.TracingConfiguration)
        && a.EncryptionConfiguration == b.EncryptionConfiguration;

    private static string Position(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static long ParsePosition(string position) =>
        long.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw SfnServiceException.InvalidToken();
}
