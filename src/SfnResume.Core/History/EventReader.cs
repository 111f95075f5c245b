using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary>
/// Reads one event object, in either shape: GetExecutionHistory (<c>id</c> number, <c>previousEventId</c>,
/// <c>timestamp</c>, <c>*EventDetails</c>) or a CloudWatch Logs record (<c>id</c>/<c>previous_event_id</c> strings,
/// <c>event_timestamp</c> epoch-ms string, <c>details</c>; redrive-and-resume.md section 3).
/// </summary>
internal sealed class EventReader
{
    private ReadOnlyMemory<byte> _buffer;
    private readonly DetailsFields _scratch = new();
    private readonly Utf8StringCache _strings = new();

    /// <param name="buffer">The whole input; events keep slices of it.</param>
    public EventReader(ReadOnlyMemory<byte> buffer)
    {
        _buffer = buffer;
    }

    private enum Field
    {
        Name, Input, InputDetails, Output, OutputDetails, Error, Cause, Resource, ResourceType, Region, Parameters,
        TimeoutInSeconds, HeartbeatInSeconds, TaskCredentials, RoleArn, StateMachineAliasArn, StateMachineVersionArn,
        AssignedVariables, AssignedVariablesDetails, RedriveCount, Length, Index, MapRunArn, WorkerName, Location, State,
    }

    private static readonly Utf8NameTable<Field> s_fields = new(FieldNames());

    private static readonly Utf8NameTable<HistoryEventType> s_types = new(TypeNames());

    // Plain loops over the (contiguous, zero-based) values, as in EventTypes: no JIT work at start-up.
    private static (string, Field)[] FieldNames()
    {
        var names = Enum.GetNames(typeof(Field));
        var entries = new (string, Field)[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            entries[i] = (char.ToLowerInvariant(names[i][0]) + names[i][1..], (Field)i);
        }

        return entries;
    }

    private static (string, HistoryEventType)[] TypeNames()
    {
        var entries = new (string, HistoryEventType)[EventTypes.Count - 1];
        for (var i = 1; i < EventTypes.Count; i++)
        {
            entries[i - 1] = (EventTypes.Name((HistoryEventType)i), (HistoryEventType)i);
        }

        return entries;
    }

    /// <summary>The execution ARN of the last CloudWatch record read, if it had one.</summary>
    public string? ExecutionArn { get; private set; }

    /// <summary>Reads an event held in another buffer (a CloudWatch record quoted in a log event's message).</summary>
    public HistoryEvent Read(ReadOnlyMemory<byte> buffer, EventLocation where)
    {
        var saved = _buffer;
        _buffer = buffer;
        try
        {
            var r = new JsonScanner(buffer.Span);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                throw Error("not a JSON object", where.At(".message"), 0);
            }

            return Read(ref r, where);
        }
        finally
        {
            _buffer = saved;
        }
    }

    /// <summary>Reads the object the reader is on (StartObject) and leaves it on the matching EndObject.</summary>
    /// <param name="where">Where the object is, for error messages only (built into a string only on error).</param>
    public HistoryEvent Read(ref JsonScanner r, EventLocation where)
    {
        var buffer = _buffer;
        ExecutionArn = null;
        var start = (int)r.TokenStartIndex;
        long? id = null;
        long? previous = null;
        DateTimeOffset? timestamp = null;
        var type = HistoryEventType.Unknown;
        string? typeName = null;
        var member = DetailsMember.None;
        HistoryEventDetails? details = null;
        var hasCloudWatchDetails = false;
        var cloudWatch = false;

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8))
            {
                r.Read();
                id = ReadLong(ref r, where, "", ".id");
            }
            else if (r.ValueTextEquals("type"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.String)
                {
                    throw Error("not a string", where.At(".type"), r.TokenStartIndex);
                }

                (type, typeName) = ReadType(ref r);
            }
            else if (r.ValueTextEquals("previousEventId"u8))
            {
                r.Read();
                previous = ReadLong(ref r, where, "", ".previousEventId");
            }
            else if (r.ValueTextEquals("timestamp"u8))
            {
                r.Read();
                timestamp = ReadTimestamp(ref r, where, ".timestamp");
            }
            else if (r.ValueTextEquals("previous_event_id"u8))
            {
                r.Read();
                previous = ReadLong(ref r, where, "", ".previous_event_id");
                cloudWatch = true;
            }
            else if (r.ValueTextEquals("event_timestamp"u8))
            {
                r.Read();
                timestamp = ReadTimestamp(ref r, where, ".event_timestamp");
                cloudWatch = true;
            }
            else if (r.ValueTextEquals("execution_arn"u8))
            {
                r.Read();
                ExecutionArn = r.TokenType == JsonTokenType.String ? ReadShared(ref r, where, "", ".execution_arn") : null;
            }
            else if (r.ValueTextEquals("details"u8))
            {
                r.Read();
                cloudWatch = true;
                if (r.TokenType == JsonTokenType.StartObject)
                {
                    ReadDetails(ref r, where, ".details");
                    hasCloudWatchDetails = true;
                }
                else if (r.TokenType != JsonTokenType.Null)
                {
                    throw Error("not an object", where.At(".details"), r.TokenStartIndex);
                }
            }
            else if (TryDetailsMember(ref r, out var m))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.StartObject)
                {
                    var path = DetailsMembers.DottedJsonName(m);
                    if (details is not null)
                    {
                        throw Error("a second details member (the event already has " + DetailsMembers.JsonName(member) + ")", where.At(path), r.TokenStartIndex);
                    }

                    details = DetailsMembers.Create(m, ReadDetails(ref r, where, path));
                    member = m;
                }
                else if (r.TokenType != JsonTokenType.Null)
                {
                    throw Error("not an object", where.At(DetailsMembers.DottedJsonName(m)), r.TokenStartIndex);
                }
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }

        var end = (int)r.BytesConsumed;
        if (id is null)
        {
            throw Error("missing", where.At(".id"), start);
        }

        if (typeName is null)
        {
            throw Error("missing", where.At(".type"), start);
        }

        if (timestamp is null)
        {
            throw Error("missing", where.At(cloudWatch ? ".event_timestamp" : ".timestamp"), start);
        }

        if (cloudWatch && hasCloudWatchDetails && details is null)
        {
            member = DetailsMembers.For(type);
            details = member == DetailsMember.None ? null : DetailsMembers.Create(member, _scratch);
        }

        var e = type == HistoryEventType.Unknown
            ? new HistoryEvent { Id = id.Value, PreviousEventId = previous ?? 0, Timestamp = timestamp.Value, Type = type, TypeName = typeName }
            : new HistoryEvent { Id = id.Value, PreviousEventId = previous ?? 0, Timestamp = timestamp.Value, Type = type };
        HistoryEvent.WithDetails(e, member, details);
        if (!cloudWatch)
        {
            e.SetSource(buffer[start..end]);
        }

        return e;
    }

    private static (HistoryEventType, string) ReadType(ref JsonScanner r)
    {
        if (!r.ValueIsEscaped && s_types.TryGetValue(r.ValueSpan, out var known))
        {
            return (known, EventTypes.Name(known));
        }

        var name = r.GetString()!;
        return s_types.TryGetValue(name, out var t) ? (t, EventTypes.Name(t)) : (HistoryEventType.Unknown, name);
    }

    private static bool TryDetailsMember(ref JsonScanner r, out DetailsMember member)
    {
        member = DetailsMember.None;
        return r.ValueEndsWith("EventDetails"u8) && !r.ValueIsEscaped && DetailsMembers.ByJsonName.TryGetValue(r.ValueSpan, out member);
    }

    private static long ReadLong(ref JsonScanner r, EventLocation where, string path, string member)
    {
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var n))
        {
            return n;
        }

        // CloudWatch Logs records write ids as strings.
        if (r.TokenType == JsonTokenType.String && System.Buffers.Text.Utf8Parser.TryParse(r.ValueSpan, out long s, out var used)
            && used == r.ValueSpan.Length)
        {
            return s;
        }

        throw Error("not an integer", where.At(path, member), r.TokenStartIndex);
    }

    private static DateTimeOffset ReadTimestamp(ref JsonScanner r, EventLocation where, string member)
    {
        if (HistoryTimestamps.TryRead(ref r, out var value))
        {
            return value;
        }

        var text = r.TokenType is JsonTokenType.String or JsonTokenType.Number
            ? System.Text.Encoding.UTF8.GetString(r.ValueSpan)
            : r.TokenType.ToString();
        throw Error($"unparseable timestamp '{text}'", where.At(member), r.TokenStartIndex);
    }

    /// <summary>Reads a details object into the reused scratch fields (the records copy what they keep).</summary>
    private DetailsFields ReadDetails(ref JsonScanner r, EventLocation where, string path)
    {
        var buffer = _buffer;
        var f = _scratch;
        f.Clear();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueIsEscaped || !s_fields.TryGetValue(r.ValueSpan, out var field))
            {
                r.Read();
                r.Skip();
                continue;
            }

            r.Read();
            if (r.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            switch (field)
            {
                case Field.Name: f.Name = ReadShared(ref r, where, path, ".name"); break;
                case Field.Error: f.Error = ReadShared(ref r, where, path, ".error"); break;
                case Field.Resource: f.Resource = ReadShared(ref r, where, path, ".resource"); break;
                case Field.ResourceType: f.ResourceType = ReadShared(ref r, where, path, ".resourceType"); break;
                case Field.Region: f.Region = ReadShared(ref r, where, path, ".region"); break;
                case Field.RoleArn: f.RoleArn = ReadShared(ref r, where, path, ".roleArn"); break;
                case Field.StateMachineAliasArn: f.StateMachineAliasArn = ReadShared(ref r, where, path, ".stateMachineAliasArn"); break;
                case Field.StateMachineVersionArn: f.StateMachineVersionArn = ReadShared(ref r, where, path, ".stateMachineVersionArn"); break;
                case Field.MapRunArn: f.MapRunArn = ReadShared(ref r, where, path, ".mapRunArn"); break;
                case Field.WorkerName: f.WorkerName = ReadShared(ref r, where, path, ".workerName"); break;
                case Field.Location: f.Location = ReadShared(ref r, where, path, ".location"); break;
                case Field.State: f.State = ReadShared(ref r, where, path, ".state"); break;
                case Field.Input: f.Input = ReadText(ref r, buffer); break;
                case Field.Output: f.Output = ReadText(ref r, buffer); break;
                case Field.Cause: f.Cause = ReadText(ref r, buffer); break;
                case Field.Parameters: f.Parameters = ReadText(ref r, buffer); break;
                case Field.InputDetails: f.InputDetails = ReadDataDetails(ref r, where, path, ".inputDetails"); break;
                case Field.OutputDetails: f.OutputDetails = ReadDataDetails(ref r, where, path, ".outputDetails"); break;
                case Field.AssignedVariablesDetails:
                    f.AssignedVariablesDetails = ReadDataDetails(ref r, where, path, ".assignedVariablesDetails");
                    break;
                case Field.TimeoutInSeconds: f.TimeoutInSeconds = ReadLong(ref r, where, path, ".timeoutInSeconds"); break;
                case Field.HeartbeatInSeconds: f.HeartbeatInSeconds = ReadLong(ref r, where, path, ".heartbeatInSeconds"); break;
                case Field.RedriveCount: f.RedriveCount = ReadInt(ref r, where, path, ".redriveCount"); break;
                case Field.Length: f.Length = ReadInt(ref r, where, path, ".length"); break;
                case Field.Index: f.Index = ReadInt(ref r, where, path, ".index"); break;
                case Field.TaskCredentials: f.TaskCredentials = ReadCredentials(ref r, where, path, ".taskCredentials"); break;
                case Field.AssignedVariables: f.AssignedVariables = ReadVariables(ref r, buffer, where, path, ".assignedVariables"); break;
                default: r.Skip(); break;
            }
        }

        return f;
    }

    /// <summary>Names, resources, ARNs and errors repeat across events: read them through a cache of strings.</summary>
    private string ReadShared(ref JsonScanner r, EventLocation where, string path, string member)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            throw Error("not a string", where.At(path, member), r.TokenStartIndex);
        }

        return r.ValueIsEscaped ? r.GetString() : _strings.Get(r.ValueSpan);
    }

    private static string ReadString(ref JsonScanner r, EventLocation where, string path, string member)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            throw Error("not a string", where.At(path, member), r.TokenStartIndex);
        }

        return r.GetString()!;
    }

    private static int ReadInt(ref JsonScanner r, EventLocation where, string path, string member)
    {
        var n = ReadLong(ref r, where, path, member);
        return n is >= int.MinValue and <= int.MaxValue ? (int)n : throw Error("out of range", where.At(path, member), r.TokenStartIndex);
    }

    /// <summary>A data member: the raw string token, or, in normalised exports, a JSON value standing for its text.</summary>
    private static JsonText ReadText(ref JsonScanner r, ReadOnlyMemory<byte> buffer)
    {
        var start = (int)r.TokenStartIndex;
        if (r.TokenType == JsonTokenType.String)
        {
            return JsonText.FromStringToken(buffer.Slice(start, r.ValueSpan.Length + 2));
        }

        r.Skip();
        return JsonText.FromValueToken(buffer[start..(int)r.BytesConsumed]);
    }

    private static HistoryEventExecutionDataDetails ReadDataDetails(ref JsonScanner r, EventLocation where, string path, string member)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw Error("not an object", where.At(path, member), r.TokenStartIndex);
        }

        bool? truncated = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var isTruncated = r.ValueTextEquals("truncated"u8);
            r.Read();
            if (isTruncated && r.TokenType is JsonTokenType.True or JsonTokenType.False)
            {
                truncated = r.GetBoolean();
            }
            else
            {
                r.Skip();
            }
        }

        return truncated == false ? HistoryEventExecutionDataDetails.NotTruncated : new HistoryEventExecutionDataDetails(truncated);
    }

    private static TaskCredentials ReadCredentials(ref JsonScanner r, EventLocation where, string path, string member)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw Error("not an object", where.At(path, member), r.TokenStartIndex);
        }

        string? role = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var isRole = r.ValueTextEquals("roleArn"u8);
            r.Read();
            if (isRole && r.TokenType == JsonTokenType.String)
            {
                role = r.GetString();
            }
            else
            {
                r.Skip();
            }
        }

        return new TaskCredentials(role);
    }

    private static VariableMap ReadVariables(ref JsonScanner r, ReadOnlyMemory<byte> buffer, EventLocation where, string path, string member)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw Error("not an object", where.At(path, member), r.TokenStartIndex);
        }

        var variables = new List<KeyValuePair<string, string>>();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.GetString()!;
            r.Read();
            variables.Add(new(name, ReadText(ref r, buffer).Value ?? ""));
        }

        return new VariableMap(variables);
    }

    internal static HistoryFormatException Error(string message, string location, long offset) =>
        new(message, location, offset);
}

/// <summary>
/// Where an event object sits (<c>$.events[12]</c>, <c>$[1].events[3]</c>, <c>record 7</c> for one object per line); turned into text only
/// when an error is reported, so reading allocates nothing per event for it.
/// </summary>
internal readonly record struct EventLocation(string Prefix, int Index, bool IsRecord = false)
{
    public string At(string path, string member = "") =>
        IsRecord ? $"record {Index}{(path.Length + member.Length > 0 ? " $" + path + member : "")}" : $"{Prefix}[{Index}]{path}{member}";

    public override string ToString() => At("");
}

/// <summary>
/// The locations of the events read, in reading order; an array of our own rather than a <c>List</c> of a struct,
/// whose code the JIT would compile at start-up (framework generics over our value types are not precompiled).
/// </summary>
internal sealed class EventLocationList
{
    private EventLocation[] _items = new EventLocation[256];

    public int Count { get; private set; }

    public EventLocation this[int index] => index < Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(EventLocation location)
    {
        if (Count == _items.Length)
        {
            var larger = new EventLocation[_items.Length * 2];
            Array.Copy(_items, larger, Count);
            _items = larger;
        }

        _items[Count++] = location;
    }
}
