using System.Globalization;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// Wait (https://states-language.net/#wait-state): Seconds, Timestamp, SecondsPath or TimestampPath. Error texts
/// are the ones AWS records.
/// </summary>
internal sealed class WaitNode : StateNode
{
    /// <summary>AWS refuses delays longer than 2^31 - 1 seconds (recorded boundary).</summary>
    private const long MaxDelaySeconds = int.MaxValue;

    private readonly SelectPath _inputPath;
    private readonly SelectPath _outputPath;
    private readonly long? _seconds;
    private readonly DateTimeOffset? _timestamp;
    private readonly string? _timestampText;
    private readonly JsonPathExpression? _secondsPath;
    private readonly JsonPathExpression? _timestampPath;
    private readonly AssignField? _assign;
    private readonly EngineRandom _random;
    private readonly JsonataTemplate.Expression? _secondsExpression;
    private readonly JsonataTemplate.Expression? _timestampExpression;
    private readonly JsonataOutcome? _jsonata;

    public WaitNode(WaitState state, EngineRandom random)
        : base(state, HistoryEventType.WaitStateEntered, HistoryEventType.WaitStateExited)
    {
        _inputPath = SelectPath.Compile(state.InputPath);
        _outputPath = SelectPath.Compile(state.OutputPath);
        if (state.Seconds is { } seconds)
        {
            if (seconds.Path is { } path)
            {
                _secondsPath = JsonPathExpression.Parse(path);
            }
            else
            {
                _seconds = (long)(seconds.Number ?? 0);
            }
        }

        if (state.Timestamp is { } timestamp)
        {
            if (timestamp.Path is { } path)
            {
                _timestampPath = JsonPathExpression.Parse(path);
            }
            else
            {
                _timestampText = timestamp.Text ?? "";
                _timestamp = AslTimestamp.TryParse(_timestampText, out var at) ? at : null;
            }
        }

        _assign = AssignField.Compile(state.Assign);
        _random = random;
        if (state.IsJsonata)
        {
            _secondsExpression = state.Seconds?.Expression is { } se ? new JsonataTemplate.Expression(se, "Seconds") : null;
            _timestampExpression = state.Timestamp?.Expression is { } te ? new JsonataTemplate.Expression(te, "Timestamp") : null;
            _jsonata = JsonataOutcome.Compile(state.Output, state.Assign, state.Raw.ContainsKey("Output"));
            ReadsContext = _jsonata.ReadsContext || (_secondsExpression?.ReadsContext ?? false) || (_timestampExpression?.ReadsContext ?? false);
            return;
        }

        ReadsContext = _inputPath.ReadsContext || _outputPath.ReadsContext || _secondsPath?.Root == JsonPathRoot.Context
            || _timestampPath?.Root == JsonPathRoot.Context || (_assign?.ReadsContext ?? false);
    }

    public override ValueTask<Step> RunAsync(Frame frame, Payload input)
    {
        var enteredId = Enter(frame, input);
        Payload effective;
        TimeSpan delay;
        try
        {
            effective = _jsonata is null ? _inputPath.Apply(frame, input) : input;
            delay = _jsonata is null ? Delay(frame, effective.Node) : JsonataDelay(frame, input.Node);
        }
        catch (StatesException e)
        {
            return new ValueTask<Step>(Failed(e, enteredId));
        }
        catch (QueryEvaluationException e)
        {
            return new ValueTask<Step>(EvaluationFailed(frame, e, enteredId));
        }

        var waiting = frame.DelayAsync(delay);
        if (waiting.IsCompletedSuccessfully)
        {
            return new ValueTask<Step>(Finish(frame, effective, enteredId));
        }

        return AfterDelayAsync(waiting, frame, effective, enteredId);
    }

    private async ValueTask<Step> AfterDelayAsync(ValueTask waiting, Frame frame, Payload effective, long enteredId)
    {
        try
        {
            await waiting.ConfigureAwait(true);
        }
        catch (OperationCanceledException) when (frame.Token.IsCancellationRequested)
        {
            Aborts.Write(frame, HistoryEventType.WaitStateAborted);
            throw;
        }

        return Finish(frame, effective, enteredId);
    }

    private Step Finish(Frame frame, Payload effective, long enteredId)
    {
        if (_jsonata is not null)
        {
            try
            {
                var (output, assigned) = _jsonata.Evaluate(JsonataScope.ForInput(frame, effective.Node, ReadsContext), effective);
                return Exit(frame, output, assigned, Next);
            }
            catch (QueryEvaluationException e)
            {
                return EvaluationFailed(frame, e, enteredId);
            }
        }

        try
        {
            var assigned = _assign?.Evaluate(frame, effective.Node, _random);
            return Exit(frame, _outputPath.Apply(frame, effective), assigned, Next);
        }
        catch (StatesException e)
        {
            return Failed(e, enteredId);
        }
    }

    /// <summary>JSONata <c>Seconds</c> (a non-negative integer) or <c>Timestamp</c> (an ISO-8601 string); literals as in JSONPath.</summary>
    private TimeSpan JsonataDelay(Frame frame, JsonNode? input)
    {
        var scope = JsonataScope.ForInput(frame, input, ReadsContext);
        if (_secondsExpression is not null)
        {
            var value = _secondsExpression.EvaluateTyped(scope, "number");
            if (!JsonNodes.TryGetInt64(value, out var seconds) || seconds < 0)
            {
                throw _secondsExpression.Fail("returned an unexpected result type. Expected 'non-negative integer', but was 'number' for value: " + CompactJson.Write(value));
            }

            return seconds > MaxDelaySeconds
                ? throw new QueryEvaluationException("Seconds", "Wait state delay is too long.")
                : TimeSpan.FromSeconds(seconds);
        }

        if (_timestampExpression is not null)
        {
            var value = _timestampExpression.Evaluate(scope);
            if (!JsonNodes.TryGetString(value, out var text) || !AslTimestamp.TryParse(text, out var until))
            {
                throw new QueryEvaluationException("Timestamp", "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + Describe(value)) { FromEntered = true };
            }

            var remaining = until - frame.Now;
            return remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;
        }

        return Delay(frame, input);
    }

    private TimeSpan Delay(Frame frame, JsonNode? input)
    {
        long seconds;
        if (_secondsPath is not null)
        {
            var scope = frame.Scope(input, ReadsContext);
            if (!_secondsPath.TryEvaluate(scope, out var value))
            {
                throw Runtime("The SecondsPath parameter does not reference an input value: " + _secondsPath.Text);
            }

            if (!JsonNodes.TryGetInt64(value, out seconds))
            {
                throw Runtime("The SecondsPath parameter cannot be parsed as a long value: " + _secondsPath.Text + " == " + Describe(value));
            }

            if (seconds < 0)
            {
                throw Runtime("The SecondsPath parameter references a negative value: " + _secondsPath.Text + " == " + Describe(value));
            }
        }
        else if (_seconds is { } fixedSeconds)
        {
            seconds = fixedSeconds;
        }
        else
        {
            DateTimeOffset until;
            if (_timestampPath is not null)
            {
                var scope = frame.Scope(input, ReadsContext);
                if (!_timestampPath.TryEvaluate(scope, out var value) || !JsonNodes.TryGetString(value, out var text) || !AslTimestamp.TryParse(text, out until))
                {
                    var shown = _timestampPath.TryEvaluate(scope, out var found) ? " == " + Describe(found) : "";
                    throw Runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: " + _timestampPath.Text + shown);
                }
            }
            else
            {
                until = _timestamp ?? throw Runtime("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + _timestampText);
            }

            var remaining = until - frame.Now;
            if (remaining.TotalSeconds > MaxDelaySeconds)
            {
                throw Runtime("Wait state delay is too long.");
            }

            return remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;
        }

        if (seconds > MaxDelaySeconds)
        {
            throw Runtime("Wait state delay is too long.");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static StatesException Runtime(string detail) => StatesException.ScopedToState(StatesErrorNames.Runtime, detail);

    private static string Describe(JsonNode? value) =>
        JsonNodes.TryGetString(value, out var s) ? s : string.Create(CultureInfo.InvariantCulture, $"{JsonNodes.ToCompactJson(value)}");
}
