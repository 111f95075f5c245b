using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary>
/// <c>taskScheduledEventDetails</c> of a service integration. <see cref="ResourceType"/>/<see cref="Resource"/>
/// split the resource ARN after <c>:::</c> (<c>lambda</c>/<c>invoke</c>).
/// </summary>
public sealed record TaskScheduledEventDetails : HistoryEventDetails
{
    private JsonText _parameters;

    public string ResourceType { get; init; } = "";

    public string Resource { get; init; } = "";

    public string? Region { get; init; }

    /// <summary>The effective Parameters/Arguments sent to the service, JSON text.</summary>
    public string? Parameters { get => _parameters.Value; init => _parameters = JsonText.From(value); }

    public long? TimeoutInSeconds { get; init; }

    public long? HeartbeatInSeconds { get; init; }

    public TaskCredentials? TaskCredentials { get; init; }

    internal JsonText ParametersText { get => _parameters; init => _parameters = value; }

    internal static TaskScheduledEventDetails From(DetailsFields f) => new()
    {
        ResourceType = f.ResourceType ?? "",
        Resource = f.Resource ?? "",
        Region = f.Region,
        ParametersText = f.Parameters,
        TimeoutInSeconds = f.TimeoutInSeconds,
        HeartbeatInSeconds = f.HeartbeatInSeconds,
        TaskCredentials = f.TaskCredentials,
    };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("resourceType", ResourceType);
        writer.WriteString("resource", Resource);
        DetailsWriter.String(writer, "region", Region);
        DetailsWriter.Text(writer, "parameters", _parameters);
        DetailsWriter.Number(writer, "timeoutInSeconds", TimeoutInSeconds);
        DetailsWriter.Number(writer, "heartbeatInSeconds", HeartbeatInSeconds);
        DetailsWriter.Credentials(writer, TaskCredentials);
    }
}

/// <summary><c>taskStartedEventDetails</c>.</summary>
public sealed record TaskStartedEventDetails : HistoryEventDetails
{
    public string ResourceType { get; init; } = "";

    public string Resource { get; init; } = "";

    internal static TaskStartedEventDetails From(DetailsFields f) => new() { ResourceType = f.ResourceType ?? "", Resource = f.Resource ?? "" };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("resourceType", ResourceType);
        writer.WriteString("resource", Resource);
    }
}

/// <summary>
/// <c>{resourceType, resource, error, cause}</c>: <c>taskFailed</c>, <c>taskTimedOut</c>, <c>taskStartFailed</c> and
/// <c>taskSubmitFailedEventDetails</c>.
/// </summary>
public sealed record TaskFailureEventDetails : HistoryEventDetails
{
    private JsonText _cause;

    public string ResourceType { get; init; } = "";

    public string Resource { get; init; } = "";

    public string? Error { get; init; }

    public string? Cause { get => _cause.Value; init => _cause = JsonText.From(value); }

    internal JsonText CauseText { get => _cause; init => _cause = value; }

    internal static TaskFailureEventDetails From(DetailsFields f) => new()
    {
        ResourceType = f.ResourceType ?? "",
        Resource = f.Resource ?? "",
        Error = f.Error,
        CauseText = f.Cause,
    };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("resourceType", ResourceType);
        writer.WriteString("resource", Resource);
        DetailsWriter.String(writer, "error", Error);
        DetailsWriter.Text(writer, "cause", _cause);
    }
}

/// <summary><c>{resourceType, resource, output, outputDetails}</c>: <c>taskSucceeded</c> and <c>taskSubmittedEventDetails</c>.</summary>
public sealed record TaskOutputEventDetails : HistoryEventDetails
{
    private JsonText _output;

    public string ResourceType { get; init; } = "";

    public string Resource { get; init; } = "";

    public string? Output { get => _output.Value; init => _output = JsonText.From(value); }

    public HistoryEventExecutionDataDetails? OutputDetails { get; init; }

    internal JsonText OutputText { get => _output; init => _output = value; }

    internal static TaskOutputEventDetails From(DetailsFields f) => new()
    {
        ResourceType = f.ResourceType ?? "",
        Resource = f.Resource ?? "",
        OutputText = f.Output,
        OutputDetails = f.OutputDetails,
    };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("resourceType", ResourceType);
        writer.WriteString("resource", Resource);
        DetailsWriter.Text(writer, "output", _output);
        DetailsWriter.Data(writer, "outputDetails", OutputDetails);
    }
}

/// <summary><c>lambdaFunctionScheduledEventDetails</c> (Task with a Lambda function ARN as Resource).</summary>
public sealed record LambdaFunctionScheduledEventDetails : HistoryEventDetails
{
    private JsonText _input;

    /// <summary>The function ARN.</summary>
    public string Resource { get; init; } = "";

    public string? Input { get => _input.Value; init => _input = JsonText.From(value); }

    public HistoryEventExecutionDataDetails? InputDetails { get; init; }

    public long? TimeoutInSeconds { get; init; }

    public TaskCredentials? TaskCredentials { get; init; }

    internal JsonText InputText { get => _input; init => _input = value; }

    internal static LambdaFunctionScheduledEventDetails From(DetailsFields f) => new()
    {
        Resource = f.Resource ?? "",
        InputText = f.Input,
        InputDetails = f.InputDetails,
        TimeoutInSeconds = f.TimeoutInSeconds,
        TaskCredentials = f.TaskCredentials,
    };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("resource", Resource);
        DetailsWriter.Text(writer, "input", _input);
        DetailsWriter.Data(writer, "inputDetails", InputDetails);
        DetailsWriter.Number(writer, "timeoutInSeconds", TimeoutInSeconds);
        DetailsWriter.Credentials(writer, TaskCredentials);
    }
}

/// <summary><c>activityScheduledEventDetails</c>.</summary>
public sealed record ActivityScheduledEventDetails : HistoryEventDetails
{
    private JsonText _input;

    /// <summary>The activity ARN.</summary>
    public string Resource { get; init; } = "";

    public string? Input { get => _input.Value; init => _input = JsonText.From(value); }

    public HistoryEventExecutionDataDetails? InputDetails { get; init; }

    public long? TimeoutInSeconds { get; init; }

    public long? HeartbeatInSeconds { get; init; }

    internal JsonText InputText { get => _input; init => _input = value; }

    internal static ActivityScheduledEventDetails From(DetailsFields f) => new()
    {
        Resource = f.Resource ?? "",
        InputText = f.Input,
        InputDetails = f.InputDetails,
        TimeoutInSeconds = f.TimeoutInSeconds,
        HeartbeatInSeconds = f.HeartbeatInSeconds,
    };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("resource", Resource);
        DetailsWriter.Text(writer, "input", _input);
        DetailsWriter.Data(writer, "inputDetails", InputDetails);
        DetailsWriter.Number(writer, "timeoutInSeconds", TimeoutInSeconds);
        DetailsWriter.Number(writer, "heartbeatInSeconds", HeartbeatInSeconds);
    }
}

/// <summary><c>activityStartedEventDetails</c>.</summary>
public sealed record ActivityStartedEventDetails : HistoryEventDetails
{
    public string? WorkerName { get; init; }

    internal static ActivityStartedEventDetails From(DetailsFields f) => new() { WorkerName = f.WorkerName };

    internal override void WriteMembers(Utf8JsonWriter writer) => DetailsWriter.String(writer, "workerName", WorkerName);
}
