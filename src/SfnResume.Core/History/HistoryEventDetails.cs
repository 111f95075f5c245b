using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary>
/// Base of the details records (the <c>*EventDetails</c> members of a history event). Shapes that AWS defines
/// identically under several names (<c>{error, cause}</c>, <c>{output, outputDetails}</c>, the Task failure and
/// Task output shapes, the four MapIteration shapes) share one record; the member name on the event says which
/// event it belongs to.
/// </summary>
public abstract record HistoryEventDetails
{
    private protected HistoryEventDetails()
    {
    }

    /// <summary>Writes the members of the details object in the order AWS writes them.</summary>
    internal abstract void WriteMembers(Utf8JsonWriter writer);
}

/// <summary><c>executionStartedEventDetails</c>.</summary>
public sealed record ExecutionStartedEventDetails : HistoryEventDetails
{
    private JsonText _input;

    /// <summary>The execution input, JSON text as the caller sent it (whitespace kept).</summary>
    public string? Input { get => _input.Value; init => _input = JsonText.From(value); }

    public HistoryEventExecutionDataDetails? InputDetails { get; init; }

    public string? RoleArn { get; init; }

    public string? StateMachineAliasArn { get; init; }

    public string? StateMachineVersionArn { get; init; }

    internal JsonText InputText { get => _input; init => _input = value; }

    internal static ExecutionStartedEventDetails From(DetailsFields f) => new()
    {
        InputText = f.Input,
        InputDetails = f.InputDetails,
        RoleArn = f.RoleArn,
        StateMachineAliasArn = f.StateMachineAliasArn,
        StateMachineVersionArn = f.StateMachineVersionArn,
    };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        DetailsWriter.Text(writer, "input", _input);
        DetailsWriter.Data(writer, "inputDetails", InputDetails);
        DetailsWriter.String(writer, "roleArn", RoleArn);
        DetailsWriter.String(writer, "stateMachineAliasArn", StateMachineAliasArn);
        DetailsWriter.String(writer, "stateMachineVersionArn", StateMachineVersionArn);
    }
}

/// <summary>
/// <c>{output, outputDetails}</c>: <c>executionSucceededEventDetails</c>, <c>lambdaFunctionSucceededEventDetails</c>,
/// <c>activitySucceededEventDetails</c>.
/// </summary>
public sealed record OutputEventDetails : HistoryEventDetails
{
    private JsonText _output;

    public string? Output { get => _output.Value; init => _output = JsonText.From(value); }

    public HistoryEventExecutionDataDetails? OutputDetails { get; init; }

    internal JsonText OutputText { get => _output; init => _output = value; }

    internal static OutputEventDetails From(DetailsFields f) => new() { OutputText = f.Output, OutputDetails = f.OutputDetails };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        DetailsWriter.Text(writer, "output", _output);
        DetailsWriter.Data(writer, "outputDetails", OutputDetails);
    }
}

/// <summary>
/// <c>{error, cause}</c>: the execution's Failed/Aborted/TimedOut details, the Lambda and activity failure details
/// and <c>mapRunFailedEventDetails</c>. Both members may be absent (StopExecution without either writes <c>{}</c>).
/// </summary>
public sealed record ErrorEventDetails : HistoryEventDetails
{
    private JsonText _cause;

    public string? Error { get; init; }

    public string? Cause { get => _cause.Value; init => _cause = JsonText.From(value); }

    internal JsonText CauseText { get => _cause; init => _cause = value; }

    internal static ErrorEventDetails From(DetailsFields f) => new() { Error = f.Error, CauseText = f.Cause };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        DetailsWriter.String(writer, "error", Error);
        DetailsWriter.Text(writer, "cause", _cause);
    }
}

/// <summary><c>executionRedrivenEventDetails</c>: how many redrives have succeeded, this one included.</summary>
public sealed record ExecutionRedrivenEventDetails : HistoryEventDetails
{
    public int? RedriveCount { get; init; }

    internal static ExecutionRedrivenEventDetails From(DetailsFields f) => new() { RedriveCount = f.RedriveCount };

    internal override void WriteMembers(Utf8JsonWriter writer) => DetailsWriter.Number(writer, "redriveCount", RedriveCount);
}

/// <summary><c>evaluationFailedEventDetails</c>: a JSONata expression failed in <see cref="State"/> at <see cref="Location"/>.</summary>
public sealed record EvaluationFailedEventDetails : HistoryEventDetails
{
    private JsonText _cause;

    public string? Error { get; init; }

    public string? Cause { get => _cause.Value; init => _cause = JsonText.From(value); }

    /// <summary>The field that failed, e.g. <c>Output/error</c>, <c>Items</c>, <c>Timestamp</c>.</summary>
    public string? Location { get; init; }

    /// <summary>The name of the state whose expression failed.</summary>
    public string State { get; init; } = "";

    internal JsonText CauseText { get => _cause; init => _cause = value; }

    internal static EvaluationFailedEventDetails From(DetailsFields f) => new()
    {
        Error = f.Error,
        CauseText = f.Cause,
        Location = f.Location,
        State = f.State ?? "",
    };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        DetailsWriter.String(writer, "error", Error);
        DetailsWriter.Text(writer, "cause", _cause);
        DetailsWriter.String(writer, "location", Location);
        writer.WriteString("state", State);
    }
}
