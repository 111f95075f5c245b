using Microsoft.Data.Sqlite;
using SfnResume.Api;
using SfnResume.Api.Contracts;

namespace SfnResume.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Closed Standard executions keep their name for 90 days (api-protocol.md, StartExecution).</summary>
    public static readonly TimeSpan ExecutionNameRetention = TimeSpan.FromDays(90);

    /// <summary>AWS answers a repeated redrive clientToken for 15 minutes, for the last 10 tokens.</summary>
    public static readonly TimeSpan RedriveTokenRetention = TimeSpan.FromMinutes(15);

    private const int RedriveTokensKept = 10;

    private const string ExecutionColumns =
        "e.arn, e.state_machine_arn, e.definition_version_id, e.name, e.type, e.status, e.input, e.output, e.error, e.cause, " +
        "e.start_date, e.stop_date, e.redrive_count, e.redrive_date, e.trace_header, e.state_machine_version_arn, " +
        "e.state_machine_alias_arn, e.parent_execution_arn, e.map_run_arn";

    /// <summary>
    /// Stores a new execution (and its first events) in one transaction, with StartExecution's rules: the machine
    /// must exist and not be DELETING; for a Standard machine the same name with the same input while still
    /// RUNNING returns the stored execution (<c>Created</c> false), otherwise the name is ExecutionAlreadyExists
    /// until 90 days after the old execution closed, when the old one (and its history) is removed.
    /// </summary>
    public CreateExecutionResult CreateExecution(NewExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return Write(tx => CreateExecutionCore(tx, execution));
    }

    /// <summary><see cref="CreateExecution"/> through the group-commit queue (many starts share one commit).</summary>
    public Task<CreateExecutionResult> CreateExecutionAsync(NewExecution execution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return Enqueue(tx => CreateExecutionCore(tx, execution), WriteUrgency.Now, cancellationToken);
    }

    public ExecutionRecord? GetExecution(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return Read(c =>
        {
            using var command = ReadCommand(c, $"SELECT {ExecutionColumns} FROM executions e WHERE e.arn = $arn").With("$arn", arn);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadExecutionRow(reader, 0) : null;
        });
    }

    /// <summary>
    /// Changes an execution's status (and output, error, cause, stop date) if it currently has
    /// <paramref name="expectedStatus"/>; false otherwise. ExecutionDoesNotExist when there is no such execution.
    /// </summary>
    public bool UpdateExecution(string arn, ExecutionUpdate update, string expectedStatus = ExecutionStatuses.Running)
    {
        ArgumentNullException.ThrowIfNull(arn);
        ArgumentNullException.ThrowIfNull(update);
        return Write(tx => UpdateExecutionCore(tx, arn, update, expectedStatus));
    }

    /// <summary>
    /// Records a redrive: a FAILED, TIMED_OUT or ABORTED execution becomes RUNNING again with its redrive count
    /// raised, together with its first redrive events. A clientToken seen for this execution in the last 15
    /// minutes returns that redrive's date and changes nothing.
    /// </summary>
    public DateTimeOffset RedriveExecution(string arn, DateTimeOffset redriveDate, string? clientToken,
        IReadOnlyList<SfnResume.Core.History.HistoryEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return Write(tx =>
        {
            var now = Time.GetUtcNow();
            if (clientToken is not null)
            {
                var seen = Prepared(tx, """
                    SELECT redrive_date FROM redrive_tokens
                    WHERE execution_arn = $arn AND client_token = $token AND redrive_date >= $since
                    """).With("$arn", arn).With("$token", clientToken).With("$since", Sql.Ms(now - RedriveTokenRetention))
                    .ExecuteScalar();
                if (seen is long ms)
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds(ms);
                }
            }

            var execution = FindExecution(tx, arn) ?? throw SfnServiceException.ExecutionDoesNotExist(arn);
            if (execution.Status is not (ExecutionStatuses.Failed or ExecutionStatuses.TimedOut or ExecutionStatuses.Aborted))
            {
                throw SfnServiceException.ExecutionNotRedrivable(arn, $"Execution is {execution.Status} and cannot be redriven");
            }

            Prepared(tx, """
                UPDATE executions SET status = 'RUNNING', stop_date = NULL, output = NULL, error = NULL, cause = NULL,
                    redrive_count = redrive_count + 1, redrive_date = $date
                WHERE arn = $arn
                """).With("$date", Sql.Ms(redriveDate)).With("$arn", arn).ExecuteNonQuery();
            if (clientToken is not null)
            {
                Prepared(tx, "INSERT OR REPLACE INTO redrive_tokens (execution_arn, client_token, redrive_date) VALUES ($arn, $token, $date)")
                    .With("$arn", arn).With("$token", clientToken).With("$date", Sql.Ms(redriveDate)).ExecuteNonQuery();
                Prepared(tx, """
                    DELETE FROM redrive_tokens WHERE execution_arn = $arn AND client_token NOT IN
                        (SELECT client_token FROM redrive_tokens WHERE execution_arn = $arn ORDER BY redrive_date DESC LIMIT $keep)
                    """).With("$arn", arn).With("$keep", RedriveTokensKept).ExecuteNonQuery();
            }

            if (events is { Count: > 0 })
            {
                AppendCore(tx, arn, events, null);
            }

            return redriveDate;
        });
    }

    /// <summary>ListExecutions: newest first, filtered by status and redrive state, a page at a time.</summary>
    public Page<ExecutionRecord> ListExecutions(ExecutionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.StateMachineArn is null == query.MapRunArn is null)
        {
            throw new ArgumentException("Give exactly one of StateMachineArn and MapRunArn.", nameof(query));
        }

        var scope = $"ListExecutions|{query.StateMachineArn}|{query.MapRunArn}|{query.StatusFilter}|{query.RedriveFilter}";
        var before = query.NextToken is null ? long.MaxValue : ParsePosition(PageToken.Decode(query.NextToken, scope));
        var size = PageSize(query.MaxResults);
        var owner = query.StateMachineArn is not null
            ? "e.state_machine_arn = $owner AND e.map_run_arn IS NULL"
            : "e.map_run_arn = $owner";
        var redrive = query.RedriveFilter switch
        {
            RedriveFilter.Redriven => " AND e.redrive_count > 0",
            RedriveFilter.NotRedriven => " AND e.redrive_count = 0",
            _ => "",
        };
        var status = query.StatusFilter is null ? "" : " AND e.status = $status";
        return Read(c =>
        {
            if (query.StateMachineArn is { } machineArn && FindMachine(c, null, machineArn) is null)
            {
                throw SfnServiceException.StateMachineDoesNotExist(machineArn);
            }

            using var command = ReadCommand(c, $"""
                SELECT e.id, {ExecutionColumns} FROM executions e
                WHERE {owner}{status}{redrive} AND e.id < $before ORDER BY e.id DESC LIMIT $limit
                """)
                .With("$owner", query.StateMachineArn ?? query.MapRunArn).With("$before", before).With("$limit", size + 1);
            if (query.StatusFilter is not null)
            {
                command.With("$status", query.StatusFilter);
            }

            using var reader = command.ExecuteReader();
            var items = new List<ExecutionRecord>();
            long lastId = 0;
            while (items.Count < size && reader.Read())
            {
                lastId = reader.GetInt64(0);
                items.Add(ReadExecutionRow(reader, 1));
            }

            var more = items.Count == size && reader.Read();
            return new Page<ExecutionRecord>(items, more ? PageToken.Encode(scope, Position(lastId)) : null);
        });
    }

    /// <summary>Every RUNNING execution, oldest first: what the engine resumes after a restart.</summary>
    public IReadOnlyList<ExecutionRecord> ListRunningExecutions() => Read(c =>
    {
        using var command = ReadCommand(c, $"SELECT {ExecutionColumns} FROM executions e WHERE e.status = 'RUNNING' ORDER BY e.id");
        using var reader = command.ExecuteReader();
        var items = new List<ExecutionRecord>();
        while (reader.Read())
        {
            items.Add(ReadExecutionRow(reader, 0));
        }

        return items;
    });

    private CreateExecutionResult CreateExecutionCore(SqliteTransaction tx, NewExecution e)
    {
        var machine = FindMachine(tx.Connection!, tx, e.StateMachineArn)
            ?? throw SfnServiceException.StateMachineDoesNotExist(e.StateMachineArn);
        if (machine.Status == StateMachineStatus.Deleting)
        {
            throw SfnServiceException.StateMachineDeleting(e.StateMachineArn);
        }

        if (FindExecution(tx, e.Arn) is { } existing)
        {
            if (existing.Type == StateMachineType.Standard && existing.Status == ExecutionStatuses.Running && existing.Input == e.Input)
            {
                return new CreateExecutionResult(existing, Created: false);
            }

            if (existing.StopDate is not { } stopped || stopped + ExecutionNameRetention > Time.GetUtcNow())
            {
                throw SfnServiceException.ExecutionAlreadyExists(e.Arn);
            }

            Prepared(tx, "DELETE FROM executions WHERE arn = $arn").With("$arn", e.Arn).ExecuteNonQuery();
        }

        var versionId = e.DefinitionVersionId ?? machine.Current.Id;
        var inserted = Prepared(tx, """
            INSERT INTO executions (arn, state_machine_arn, definition_version_id, name, type, status, input, start_date,
                trace_header, state_machine_version_arn, state_machine_alias_arn, parent_execution_arn, map_run_arn)
            SELECT $arn, $machine, v.id, $name, $type, 'RUNNING', $input, $start, $trace, $version, $alias, $parent, $mapRun
            FROM definition_versions v WHERE v.id = $versionId AND v.state_machine_arn = $machine
            """)
            .With("$arn", e.Arn).With("$machine", e.StateMachineArn).With("$name", e.Name).With("$type", machine.Type)
            .With("$input", e.Input).With("$start", Sql.Ms(e.StartDate)).With("$trace", e.TraceHeader)
            .With("$version", e.StateMachineVersionArn).With("$alias", e.StateMachineAliasArn)
            .With("$parent", e.ParentExecutionArn).With("$mapRun", e.MapRunArn).With("$versionId", versionId)
            .ExecuteNonQuery();
        if (inserted != 1)
        {
            throw new ArgumentException($"Definition version {versionId} does not belong to {e.StateMachineArn}.", nameof(e));
        }

        if (e.InitialEvents is { Count: > 0 } events)
        {
            // A new execution has no events yet: the first must be 1 (no need to ask the table).
            CheckSequence(e.Arn, 0, events);
            InsertEvents(tx, e.Arn, events);
        }

        // The row just written, without reading it back (this runs once per StartExecution, in the commit path).
        return new CreateExecutionResult(new ExecutionRecord
        {
            Arn = e.Arn,
            StateMachineArn = e.StateMachineArn,
            DefinitionVersionId = versionId,
            Name = e.Name,
            Type = machine.Type,
            Status = ExecutionStatuses.Running,
            Input = e.Input,
            StartDate = DateTimeOffset.FromUnixTimeMilliseconds(Sql.Ms(e.StartDate)),
            TraceHeader = e.TraceHeader,
            StateMachineVersionArn = e.StateMachineVersionArn,
            StateMachineAliasArn = e.StateMachineAliasArn,
            ParentExecutionArn = e.ParentExecutionArn,
            MapRunArn = e.MapRunArn,
        }, Created: true);
    }

    private bool UpdateExecutionCore(SqliteTransaction tx, string arn, ExecutionUpdate update, string expectedStatus)
    {
        var changed = Prepared(tx, """
            UPDATE executions SET status = $status, stop_date = $stop, output = $output, error = $error, cause = $cause
            WHERE arn = $arn AND status = $expected
            """)
            .With("$status", update.Status).With("$stop", Sql.Ms(update.StopDate)).With("$output", update.Output)
            .With("$error", update.Error).With("$cause", update.Cause).With("$arn", arn).With("$expected", expectedStatus)
            .ExecuteNonQuery();
        if (changed == 0 && FindExecution(tx, arn) is null)
        {
            throw SfnServiceException.ExecutionDoesNotExist(arn);
        }

        return changed == 1;
    }

    private ExecutionRecord? FindExecution(SqliteTransaction tx, string arn)
    {
        var command = Prepared(tx, $"SELECT {ExecutionColumns} FROM executions e WHERE e.arn = $arn").With("$arn", arn);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadExecutionRow(reader, 0) : null;
    }

    private static ExecutionRecord ReadExecutionRow(SqliteDataReader r, int o) => new()
    {
        Arn = r.GetString(o),
        StateMachineArn = r.GetString(o + 1),
        DefinitionVersionId = r.GetInt64(o + 2),
        Name = r.GetString(o + 3),
        Type = r.GetString(o + 4),
        Status = r.GetString(o + 5),
        Input = r.GetString(o + 6),
        Output = r.NullableString(o + 7),
        Error = r.NullableString(o + 8),
        Cause = r.NullableString(o + 9),
        StartDate = r.Instant(o + 10),
        StopDate = r.NullableInstant(o + 11),
        RedriveCount = r.GetInt32(o + 12),
        RedriveDate = r.NullableInstant(o + 13),
        TraceHeader = r.NullableString(o + 14),
        StateMachineVersionArn = r.NullableString(o + 15),
        StateMachineAliasArn = r.NullableString(o + 16),
        ParentExecutionArn = r.NullableString(o + 17),
        MapRunArn = r.NullableString(o + 18),
    };
}
