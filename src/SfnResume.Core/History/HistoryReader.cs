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
    private readonly List<HistoryEvent> _events;
    private readonly List<EventLocation> _locations;

    private HistoryReader(ReadOnlyMemory<byte> buffer, List<HistoryEvent> events, List<EventLocation> locations)
    {
        _buffer = buffer;
        _events = events;
        _locations = locations;
    }

    public static void Read(ReadOnlyMemory<byte> utf8, List<HistoryEvent> events, List<EventLocation> locations)
    {
        var buffer = utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        var self = new HistoryReader(buffer, events, locations);
        var reader = new Utf8JsonReader(buffer.Span, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            self.ReadDocuments(ref reader);
        }
        catch (JsonException ex)
        {
            throw new HistoryFormatException(
                $"invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1} of the line: {FirstLine(ex.Message)}",
                null, null, ex);
        }
        catch (HistoryFormatException ex) when (ex.ByteOffset is { } offset)
        {
            throw ex.WithLine(LineOf(buffer.Span, offset));
        }
    }

    private readonly void ReadDocuments(ref Utf8JsonReader r)
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

    private readonly void ReadObject(ref Utf8JsonReader r, string prefix, int document)
    {
        if (IsPage(r))
        {
            ReadPage(ref r, prefix);
        }
        else
        {
            // A bare event or a CloudWatch record at the top level: one per line.
            var where = new EventLocation("", document + 1, IsRecord: true);
            Add(EventReader.Read(ref r, _buffer, where), where);
        }
    }

    private readonly void ReadArray(ref Utf8JsonReader r, string prefix)
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
                Add(EventReader.Read(ref r, _buffer, where), where);
            }

            index++;
        }
    }

    private readonly void ReadPage(ref Utf8JsonReader r, string prefix)
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

                Add(EventReader.Read(ref r, _buffer, where), where);
                index++;
            }
        }

        if (!sawEvents)
        {
            throw new HistoryFormatException("missing", prefix + ".events", null);
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
    private static bool IsPage(Utf8JsonReader probe)
    {
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            if (probe.ValueTextEquals("events"u8))
            {
                return true;
            }

            if (probe.ValueTextEquals("timestamp"u8) || probe.ValueTextEquals("type"u8) || probe.ValueTextEquals("id"u8)
                || probe.ValueTextEquals("previousEventId"u8) || probe.ValueTextEquals("details"u8)
                || probe.ValueTextEquals("event_timestamp"u8) || probe.ValueSpan.EndsWith("EventDetails"u8))
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

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        var line = cut < 0 ? message : message[..cut];
        var position = line.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position < 0 ? line : line[..position];
    }
}
