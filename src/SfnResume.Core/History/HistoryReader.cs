using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary>
/// Reads every form of a saved history into events, unordered and possibly duplicated (the caller orders and
/// checks them): one or several <c>{"events":[...]}</c> pages back to back, a JSON array of pages, a bare array of
/// events, and CloudWatch Logs records one per line.
/// </summary>
internal ref struct HistoryReader
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly EventReader _eventReader;
    private readonly List<HistoryEvent> _events;
    private readonly EventLocationList _locations;
    private readonly HashSet<string> _executionArns = new(StringComparer.Ordinal);

    private HistoryReader(ReadOnlyMemory<byte> buffer, List<HistoryEvent> events, EventLocationList locations)
    {
        _buffer = buffer;
        _eventReader = new EventReader(buffer);
        _events = events;
        _locations = locations;
    }

    public static void Read(ReadOnlyMemory<byte> utf8, List<HistoryEvent> events, EventLocationList locations)
    {
        var buffer = utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        var self = new HistoryReader(buffer, events, locations);
        var reader = new JsonScanner(buffer.Span);
        try
        {
            self.ReadDocuments(ref reader);
            self.CheckOneExecution();
        }
        catch (HistoryFormatException ex) when (ex.ByteOffset is { } offset && ex.Location is not null)
        {
            throw ex.WithLine(LineOf(buffer.Span, offset));
        }
    }

    private readonly void ReadDocuments(ref JsonScanner r)
    {
        var documents = 0;
        while (r.Read())
        {
            // Several values at the top: pages back to back ($[n] names the n-th) or one record per line.
            var prefix = documents == 0 ? "$" : $"$[{documents}]";
            switch (r.TokenType)
            {
                case JsonTokenType.StartObject:
                    ReadObject(ref r, prefix, documents);
                    break;
                case JsonTokenType.StartArray:
                    ReadArray(ref r, prefix);
                    break;
                default:
                    throw EventReader.Error($"expected an object or an array, found {r.TokenType}", prefix, r.TokenStartIndex);
            }

            documents++;
        }

        if (documents == 0)
        {
            throw new HistoryFormatException("empty input: expected {\"events\": [...]}");
        }
    }

    private readonly void ReadObject(ref JsonScanner r, string prefix, int document)
    {
        if (IsPage(r))
        {
            ReadPage(ref r, prefix);
        }
        else
        {
            // A bare event or a CloudWatch record at the top level: one per line.
            var where = new EventLocation("", document + 1, IsRecord: true);
            Add(_eventReader.Read(ref r, where), where);
            NoteExecution();
        }
    }

    private readonly void ReadArray(ref JsonScanner r, string prefix)
    {
        var index = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                throw EventReader.Error($"expected an object, found {r.TokenType}", $"{prefix}[{index}]", r.TokenStartIndex);
            }

            if (IsPage(r))
            {
                ReadPage(ref r, $"{prefix}[{index}]");
            }
            else
            {
                var where = new EventLocation(prefix, index);
                Add(_eventReader.Read(ref r, where), where);
                NoteExecution();
            }

            index++;
        }
    }

    private readonly void ReadPage(ref JsonScanner r, string prefix)
    {
        var sawEvents = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!r.ValueTextEquals("events"u8))
            {
                // nextToken, ResponseMetadata, executionArn ...: not part of the history.
                r.Read();
                r.Skip();
                continue;
            }

            sawEvents = true;
            r.Read();
            if (r.TokenType != JsonTokenType.StartArray)
            {
                throw EventReader.Error("not an array", prefix + ".events", r.TokenStartIndex);
            }

            var eventsPrefix = prefix + ".events";
            var index = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                var where = new EventLocation(eventsPrefix, index);
                if (r.TokenType != JsonTokenType.StartObject)
                {
                    throw EventReader.Error($"expected an event object, found {r.TokenType}", where.ToString(), r.TokenStartIndex);
                }

                if (LogEventMessage(r) is { } message)
                {
                    // aws logs get-log-events / filter-log-events: each record is JSON text in "message".
                    Add(_eventReader.Read(message, where), where);
                    r.Skip();
                }
                else
                {
                    Add(_eventReader.Read(ref r, where), where);
                }

                NoteExecution();
                index++;
            }
        }

        if (!sawEvents)
        {
            throw new HistoryFormatException("missing", prefix + ".events", null);
        }
    }

    /// <summary>
    /// For a CloudWatch Logs event as the AWS CLI prints it (<c>{"timestamp":..., "message":"{\"id\":...}",
    /// "ingestionTime":...}</c>), the record's JSON from its message; null for anything else.
    /// </summary>
    private static byte[]? LogEventMessage(JsonScanner probe)
    {
        byte[]? message = null;
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            if (probe.ValueTextEquals("type"u8) || probe.ValueEndsWith("EventDetails"u8))
            {
                return null;
            }

            var isMessage = probe.ValueTextEquals("message"u8);
            probe.Read();
            if (isMessage && probe.TokenType == JsonTokenType.String)
            {
                message = System.Text.Encoding.UTF8.GetBytes(probe.GetString());
            }
            else
            {
                probe.Skip();
            }
        }

        return message;
    }

    private readonly void NoteExecution()
    {
        if (_eventReader.ExecutionArn is { } arn)
        {
            _executionArns.Add(arn);
        }
    }

    /// <summary>CloudWatch log groups mix executions; ids only make sense within one (redrive-and-resume.md section 3).</summary>
    private readonly void CheckOneExecution()
    {
        if (_executionArns.Count > 1)
        {
            var shown = string.Join(", ", _executionArns.Order(StringComparer.Ordinal).Take(3));
            throw new HistoryFormatException(
                $"the records belong to {_executionArns.Count} executions ({shown}{(_executionArns.Count > 3 ? ", ..." : "")}); keep the records of one execution_arn");
        }
    }

    private readonly void Add(HistoryEvent e, EventLocation where)
    {
        _events.Add(e);
        _locations.Add(where);
    }

    /// <summary>
    /// Tells a page (<c>{"events": ...}</c>) from an event by its member names, on a copy of the reader; the decisive
    /// name usually comes first, so this rarely looks past the first member.
    /// </summary>
    private static bool IsPage(JsonScanner probe)
    {
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            if (probe.ValueTextEquals("events"u8))
            {
                return true;
            }

            if (probe.ValueTextEquals("timestamp"u8) || probe.ValueTextEquals("type"u8) || probe.ValueTextEquals("id"u8)
                || probe.ValueTextEquals("previousEventId"u8) || probe.ValueTextEquals("details"u8)
                || probe.ValueTextEquals("event_timestamp"u8) || probe.ValueEndsWith("EventDetails"u8))
            {
                return false;
            }

            probe.Read();
            probe.Skip();
        }

        // No event member at all: a page that lacks "events", which ReadPage reports.
        return true;
    }

    internal static int LineOf(ReadOnlySpan<byte> buffer, long offset)
    {
        var end = (int)Math.Min(offset, buffer.Length);
        return buffer[..end].Count((byte)'\n') + 1;
    }
}
