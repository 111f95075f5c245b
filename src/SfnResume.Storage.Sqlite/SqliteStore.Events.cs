using System.Text;
using Microsoft.Data.Sqlite;
using SfnResume.Api;
using SfnResume.Api.Json;
using SfnResume.Core.History;

namespace SfnResume.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Appends events to an execution's history in one transaction, with an optional status change (the
    /// ExecutionSucceeded event and the SUCCEEDED status land together). Ids must continue the stored ones
    /// (<see cref="HistoryAppendException"/>); the whole batch is stored or none of it.
    /// </summary>
    public void AppendEvents(string executionArn, IReadOnlyList<HistoryEvent> events, ExecutionUpdate? update = null)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        ArgumentNullException.ThrowIfNull(events);
        Write(tx =>
        {
            AppendCore(tx, executionArn, events, update);
            return 0;
        });
    }

    /// <summary>
    /// <see cref="AppendEvents"/> through the group-commit queue: appends from many executions share one
    /// transaction and one flush. The task completes once the events are committed (then they may be reported).
    /// <paramref name="urgency"/> says whether a client waits for it (<see cref="WriteUrgency.Now"/>) or it may wait
    /// a few milliseconds to share a commit (the events of a running execution).
    /// </summary>
    public Task AppendEventsAsync(string executionArn, IReadOnlyList<HistoryEvent> events, ExecutionUpdate? update = null,
        WriteUrgency urgency = WriteUrgency.Now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        ArgumentNullException.ThrowIfNull(events);
        return Enqueue(tx =>
        {
            AppendCore(tx, executionArn, events, update);
            return 0;
        }, urgency, cancellationToken);
    }

    /// <summary>The id of the last stored event (0 when none). ExecutionDoesNotExist for an unknown execution.</summary>
    public long GetLastEventId(string executionArn) => Read(c =>
    {
        EnsureExecutionExists(c, executionArn);
        using var command = ReadCommand(c, "SELECT COALESCE(MAX(event_id), 0) FROM events WHERE execution_arn = $arn")
            .With("$arn", executionArn);
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>
    /// One page of GetExecutionHistory: oldest first, or newest first with <paramref name="reverseOrder"/>.
    /// ExecutionDoesNotExist / InvalidToken (a token from another execution or order is invalid).
    /// </summary>
    public Page<HistoryEvent> GetEvents(string executionArn, int maxResults, bool reverseOrder, string? nextToken)
    {
        var page = GetEventJson(executionArn, maxResults, reverseOrder, nextToken);
        var events = page.Items.Select(json => HistoryEventListConverter.ReadEvent(Encoding.UTF8.GetBytes(json))).ToList();
        return new Page<HistoryEvent>(events, page.NextToken);
    }

    /// <summary>
    /// <see cref="GetEvents"/> as the stored JSON of each event, for a server that writes the page straight into
    /// its response (no parse, and the text exactly as stored).
    /// </summary>
    public Page<string> GetEventJson(string executionArn, int maxResults, bool reverseOrder, string? nextToken)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        var scope = $"GetExecutionHistory|{executionArn}|{(reverseOrder ? "reverse" : "forward")}";
        var after = nextToken is null ? (reverseOrder ? long.MaxValue : 0) : ParsePosition(PageToken.Decode(nextToken, scope));
        var size = PageSize(maxResults);
        var sql = reverseOrder
            ? "SELECT event_id, json FROM events WHERE execution_arn = $arn AND event_id < $after ORDER BY event_id DESC LIMIT $limit"
            : "SELECT event_id, json FROM events WHERE execution_arn = $arn AND event_id > $after ORDER BY event_id LIMIT $limit";
        return Read(c =>
        {
            EnsureExecutionExists(c, executionArn);
            using var command = ReadCommand(c, sql).With("$arn", executionArn).With("$after", after).With("$limit", size + 1);
            using var reader = command.ExecuteReader();
            var events = new List<string>();
            long lastId = 0;
            while (events.Count < size && reader.Read())
            {
                lastId = reader.GetInt64(0);
                events.Add(reader.GetString(1));
            }

            var more = events.Count == size && reader.Read();
            return new Page<string>(events, more ? PageToken.Encode(scope, Position(lastId)) : null);
        });
    }

    /// <summary>The whole history of an execution.</summary>
    public ExecutionHistory GetHistory(string executionArn)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        return Read(c =>
        {
            EnsureExecutionExists(c, executionArn);
            using var command = ReadCommand(c, "SELECT json FROM events WHERE execution_arn = $arn ORDER BY event_id")
                .With("$arn", executionArn);
            using var reader = command.ExecuteReader();

            // One JSON array parsed by the history reader: events keep their stored text exactly.
            var buffer = new MemoryStream();
            buffer.WriteByte((byte)'[');
            var first = true;
            while (reader.Read())
            {
                if (!first)
                {
                    buffer.WriteByte((byte)',');
                }

                first = false;
                buffer.Write(Encoding.UTF8.GetBytes(reader.GetString(0)));
            }

            buffer.WriteByte((byte)']');
            return ExecutionHistory.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        });
    }

    private void AppendCore(SqliteTransaction tx, string arn, IReadOnlyList<HistoryEvent> events, ExecutionUpdate? update)
    {
        var last = (long)Prepared(tx, "SELECT COALESCE(MAX(event_id), 0) FROM events WHERE execution_arn = $arn")
            .With("$arn", arn).ExecuteScalar()!;
        if (last == 0 && FindExecution(tx, arn) is null)
        {
            throw SfnServiceException.ExecutionDoesNotExist(arn);
        }

        CheckSequence(arn, last, events);
        InsertEvents(tx, arn, events);
        if (update is not null && !UpdateExecutionCore(tx, arn, update, Api.Contracts.ExecutionStatuses.Running))
        {
            throw new InvalidOperationException($"{arn} is not RUNNING; its status cannot change to {update.Status}.");
        }
    }

    /// <summary>Ids must continue the stored ones (<paramref name="last"/>) without a gap.</summary>
    private static void CheckSequence(string arn, long last, IReadOnlyList<HistoryEvent> events)
    {
        var expected = last + 1;
        foreach (var e in events)
        {
            if (e.Id != expected)
            {
                throw new HistoryAppendException(arn, expected, e.Id);
            }

            expected++;
        }
    }

    private void InsertEvents(SqliteTransaction tx, string arn, IReadOnlyList<HistoryEvent> events)
    {
        var insert = Prepared(tx, "INSERT INTO events (execution_arn, event_id, type, timestamp, json) VALUES ($arn, $id, $type, $ts, $json)");
        var pArn = insert.Parameters.Add("$arn", SqliteType.Text);
        var pId = insert.Parameters.Add("$id", SqliteType.Integer);
        var pType = insert.Parameters.Add("$type", SqliteType.Text);
        var pTs = insert.Parameters.Add("$ts", SqliteType.Integer);
        var pJson = insert.Parameters.Add("$json", SqliteType.Text);
        pArn.Value = arn;
        foreach (var e in events)
        {
            pId.Value = e.Id;
            pType.Value = e.TypeName;
            pTs.Value = Sql.Ms(e.Timestamp);
            pJson.Value = HistoryEventListConverter.WriteEvent(e);
            insert.ExecuteNonQuery();
        }
    }

    private static void EnsureExecutionExists(SqliteConnection connection, string arn)
    {
        using var command = ReadCommand(connection, "SELECT 1 FROM executions WHERE arn = $arn").With("$arn", arn);
        if (command.ExecuteScalar() is null)
        {
            throw SfnServiceException.ExecutionDoesNotExist(arn);
        }
    }
}
