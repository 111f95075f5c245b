using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary>
/// Every member any details object can hold, filled while reading one details object. The details records are
/// built from it, so the reader needs one loop over members instead of one per shape.
/// </summary>
internal sealed class DetailsFields
{
    public string? Name;
    public JsonText Input;
    public HistoryEventExecutionDataDetails? InputDetails;
    public JsonText Output;
    public HistoryEventExecutionDataDetails? OutputDetails;
    public string? Error;
    public JsonText Cause;
    public string? Resource;
    public string? ResourceType;
    public string? Region;
    public JsonText Parameters;
    public long? TimeoutInSeconds;
    public long? HeartbeatInSeconds;
    public TaskCredentials? TaskCredentials;
    public string? RoleArn;
    public string? StateMachineAliasArn;
    public string? StateMachineVersionArn;
    public IReadOnlyDictionary<string, string>? AssignedVariables;
    public HistoryEventExecutionDataDetails? AssignedVariablesDetails;
    public int? RedriveCount;
    public int? Length;
    public int? Index;
    public string? MapRunArn;
    public string? WorkerName;
    public string? Location;
    public string? State;

    public void Clear()
    {
        Name = null;
        Input = default;
        InputDetails = null;
        Output = default;
        OutputDetails = null;
        Error = null;
        Cause = default;
        Resource = null;
        ResourceType = null;
        Region = null;
        Parameters = default;
        TimeoutInSeconds = null;
        HeartbeatInSeconds = null;
        TaskCredentials = null;
        RoleArn = null;
        StateMachineAliasArn = null;
        StateMachineVersionArn = null;
        AssignedVariables = null;
        AssignedVariablesDetails = null;
        RedriveCount = null;
        Length = null;
        Index = null;
        MapRunArn = null;
        WorkerName = null;
        Location = null;
        State = null;
    }
}

/// <summary>Small writing helpers shared by the details records: absent members are left out, as AWS does.</summary>
internal static class DetailsWriter
{
    public static void String(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void Text(Utf8JsonWriter writer, string name, JsonText value)
    {
        if (value.HasValue)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    public static void Number(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    public static void Data(Utf8JsonWriter writer, string name, HistoryEventExecutionDataDetails? value)
    {
        if (value is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteStartObject();
        if (value.Truncated is { } truncated)
        {
            writer.WriteBoolean("truncated", truncated);
        }

        writer.WriteEndObject();
    }

    public static void Credentials(Utf8JsonWriter writer, TaskCredentials? value)
    {
        if (value is null)
        {
            return;
        }

        writer.WritePropertyName("taskCredentials");
        writer.WriteStartObject();
        String(writer, "roleArn", value.RoleArn);
        writer.WriteEndObject();
    }

    public static void Variables(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? value)
    {
        if (value is null)
        {
            return;
        }

        writer.WritePropertyName("assignedVariables");
        writer.WriteStartObject();
        foreach (var (key, json) in value)
        {
            writer.WriteString(key, json);
        }

        writer.WriteEndObject();
    }
}
