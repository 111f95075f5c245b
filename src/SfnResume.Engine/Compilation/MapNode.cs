using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// Map (https://states-language.net/#map-state): ItemsPath selects the array, ItemSelector builds each item's
/// input (with <c>$$.Map.Item</c>), the processor runs once per item, and the result is the array of iteration
/// outputs in index order. Inline maps write MapIteration* events; distributed maps run each item as a child
/// execution and write MapRun* events (history-events.md section 2).
/// </summary>
internal sealed partial class MapNode : WorkStateNode
{
    /// <summary>Cause of <c>States.ExceedToleratedFailureThreshold</c> (not confirmed by a recording).</summary>
    public const string ThresholdCause = "The specified tolerated failure threshold was exceeded";

    private readonly SelectPath _inputPath;
    private readonly JsonPathExpression? _itemsPath;
    private readonly TemplateField? _itemSelector;
    private readonly ResultFields _result;
    private readonly MapLimit _maxConcurrency;
    private readonly MapLimit _toleratedCount;
    private readonly MapLimit _toleratedPercentage;
    private readonly bool _distributed;
    private readonly string? _label;
    private readonly JsonataTemplate? _items;
    private readonly JsonataTemplate? _jsonataSelector;
    private readonly JsonataOutcome? _jsonata;

    public MapNode(MapState state, ErrorHandling handling, EngineRandom random)
        : base(state, HistoryEventType.MapStateEntered, HistoryEventType.MapStateExited, handling, random)
    {
        if (state.ItemReader is not null || state.ResultWriter is not null || state.ItemBatcher is not null)
        {
            throw new NotSupportedException("Map state '" + state.Name + "' uses ItemReader, ItemBatcher or ResultWriter, which need S3; this engine maps over state data only.");
        }

        _inputPath = SelectPath.Compile(state.InputPath);
        _itemsPath = state.ItemsPath.Path is { } items ? JsonPathExpression.Parse(items) : null;
        _itemSelector = TemplateField.Compile(state.ItemSelector ?? state.Parameters);
        _result = new ResultFields(state.ResultSelector, state.ResultPath, state.OutputPath, state.Assign);
        _maxConcurrency = MapLimit.Compile(state.MaxConcurrency, "MaxConcurrencyPath", "integer");
        _toleratedCount = MapLimit.Compile(state.ToleratedFailureCount, "ToleratedFailureCountPath", "integer");
        _toleratedPercentage = MapLimit.Compile(state.ToleratedFailurePercentage, "ToleratedFailurePercentagePath", "float");
        _distributed = state.Mode == MapMode.Distributed;
        _label = state.Label;
        if (state.IsJsonata)
        {
            _itemSelector = null;
            _items = JsonataTemplate.Compile(state.Items, "Items");
            _jsonataSelector = JsonataTemplate.Compile(state.ItemSelector, "ItemSelector");
            _jsonata = JsonataOutcome.Compile(state.Output, state.Assign, state.Raw.ContainsKey("Output"));
        }

        ReadsContext = (_items?.ReadsContext ?? false) || (_jsonataSelector?.ReadsContext ?? false) || (_jsonata?.ReadsContext ?? false) || _inputPath.ReadsContext || (_itemSelector?.ReadsContext ?? false)
            || _result.ReadsContext || handling.ReadsContext
            || _itemsPath?.Root == JsonPathRoot.Context || _maxConcurrency.ReadsContext || _toleratedCount.ReadsContext || _toleratedPercentage.ReadsContext;
    }

    public CompiledScope Processor { get; set; } = null!;

    public override async ValueTask<Step> RunAsync(Frame frame, Payload input)
    {
        try
        {
            return await RunStateAsync(frame, input).ConfigureAwait(true);
        }
        catch (OperationCanceledException) when (frame.Token.IsCancellationRequested)
        {
            Aborts.Write(frame, HistoryEventType.MapStateAborted);
            throw;
        }
    }

    private async ValueTask<Step> RunStateAsync(Frame frame, Payload input)
    {
        var enteredId = Enter(frame, input);
        try
        {
            return await RunEnteredAsync(frame, input, enteredId).ConfigureAwait(true);
        }
        catch (QueryEvaluationException e)
        {
            // Recorded: EvaluationFailed, then MapStateFailed, then the failure leaves the state.
            var failed = EvaluationFailed(frame, e, enteredId);
            frame.Source = frame.Run.Recorder.Simple(HistoryEventType.MapStateFailed, frame.Source, frame.Now);
            return CatchOrFail(frame, input, failed.Failure!, enteredId);
        }
    }

    private async ValueTask<Step> RunEnteredAsync(Frame frame, Payload input, long enteredId)
    {
        Payload effective;
        JsonArray items;
        try
        {
            effective = _jsonata is null ? _inputPath.Apply(frame, input) : input;
            items = _jsonata is null ? SelectItems(frame, effective.Node) : JsonataItems(frame, input.Node);
        }
        catch (StatesException e)
        {
            return Failed(e, enteredId);
        }

        var recorder = frame.Run.Recorder;
        int[]? counters = null;
        var retryCount = 0;
        while (true)
        {
            // Recorded: a bad MaxConcurrencyPath fails before MapStateStarted, a bad ToleratedFailure*Path after it.
            long maxConcurrency;
            try
            {
                maxConcurrency = _maxConcurrency.ResolveInteger(frame, effective.Node) ?? 0;
            }
            catch (StatesException e)
            {
                return Failed(e, enteredId);
            }

            frame.Source = recorder.MapStateStarted(frame.Source, frame.Now, items.Count);
            Limits limits;
            try
            {
                limits = ResolveLimits(maxConcurrency, frame, effective.Node);
            }
            catch (StatesException e)
            {
                return Failed(e, enteredId);
            }

            MapOutcome outcome;
            try
            {
                outcome = _distributed
                    ? await RunDistributedAsync(frame, effective, items, limits).ConfigureAwait(true)
                    : await RunInlineAsync(frame, effective, items, limits).ConfigureAwait(true);
            }
            catch (StatesException e)
            {
                // An ItemSelector that cannot be evaluated fails the Map state itself.
                return Failed(e, enteredId);
            }

            if (outcome.Failure is { } failure)
            {
                // Recorded: a retry starts again with MapStateStarted pointing at the failing event; MapStateFailed
                // is written only when the error leaves the state.
                if (TryRetry(frame, failure, ref counters, ref retryCount, out var pause))
                {
                    frame.Source = outcome.LastEventId;
                    await frame.DelayAsync(pause).ConfigureAwait(true);
                    continue;
                }

                frame.Source = recorder.Simple(HistoryEventType.MapStateFailed, outcome.LastEventId, frame.Now);
                return CatchOrFail(frame, input, failure, enteredId);
            }

            // MapStateSucceeded and the Exited event both point at the last iteration (or map run) event (recorded).
            recorder.Simple(HistoryEventType.MapStateSucceeded, outcome.LastEventId, frame.Now);
            frame.Source = outcome.ExitSource;
            if (_jsonata is not null)
            {
                var (jsonataOutput, jsonataAssigned) = _jsonata.Evaluate(
                    JsonataScope.ForResult(frame, input.Node, outcome.Result!.Node, ReadsContext), outcome.Result!);
                return Exit(frame, jsonataOutput, jsonataAssigned, Next);
            }

            try
            {
                var result = outcome.Result!;
                var output = _result.Output(frame, input, result, Random, out var assigned);
                return Exit(frame, output, assigned, Next);
            }
            catch (StatesException e)
            {
                return Failed(e, enteredId);
            }
        }
    }

    private JsonArray SelectItems(Frame frame, JsonNode? effective)
    {
        JsonNode? items = effective;
        if (_itemsPath is not null)
        {
            var scope = frame.Scope(effective, ReadsContext);
            if (!_itemsPath.TryEvaluate(scope, out items))
            {
                throw StatesException.ScopedToState(StatesErrorNames.Runtime, StatesCauses.InvalidPath(_itemsPath.Text, _itemsPath.DescribeMissing(scope)));
            }
        }

        return items as JsonArray
            ?? throw StatesException.ScopedToState(StatesErrorNames.Runtime, "Map state input must be an array but was: " + JsonNodes.ToCompactJson(items));
    }

    /// <summary>The input of item <paramref name="index"/>: the ItemSelector's result, or the item itself (shared with the items array).</summary>
    /// <summary>JSONata <c>Items</c>: an expression or literal that must give an array; absent, the input must be one.</summary>
    private JsonArray JsonataItems(Frame frame, JsonNode? input)
    {
        if (_items is null)
        {
            return input as JsonArray
                ?? throw new QueryEvaluationException(null, "Map state input must be an array but was: " + JsonNodes.ToCompactJson(input));
        }

        var scope = JsonataScope.ForInput(frame, input, ReadsContext);
        var value = _items is JsonataTemplate.Expression expression ? expression.EvaluateTyped(scope, "array") : _items.Evaluate(scope);
        return value as JsonArray ?? throw new QueryEvaluationException("Items", "The field 'Items' must be an array.");
    }

    private Payload ItemInput(Frame frame, Payload effective, JsonArray items, int index)
    {
        var item = items[index];
        if (_jsonataSelector is not null)
        {
            var mapContext = frame.Context;
            mapContext.SetMapItem(index, item?.DeepClone());
            try
            {
                return Payload.FromNode(_jsonataSelector.Evaluate(JsonataScope.ForInput(frame, effective.Node, true)));
            }
            finally
            {
                mapContext.ClearMapItem();
            }
        }

        if (_itemSelector is null)
        {
            return Payload.FromNode(item, shared: true);
        }

        var context = _itemSelector.ReadsContext ? frame.Context : null;
        context?.SetMapItem(index, item?.DeepClone());
        try
        {
            return _itemSelector.Evaluate(frame, effective, Random);
        }
        finally
        {
            context?.ClearMapItem();
        }
    }

    private Limits ResolveLimits(long maxConcurrency, Frame frame, JsonNode? input)
    {
        var toleratedCount = _toleratedCount.ResolveInteger(frame, input);
        if (toleratedCount < 0)
        {
            throw StatesException.ScopedToState(StatesErrorNames.Runtime, "ToleratedFailureCount cannot be negative.");
        }

        var toleratedPercentage = _toleratedPercentage.ResolveNumber(frame, input);
        if (toleratedPercentage is < 0 or > 100)
        {
            throw StatesException.ScopedToState(StatesErrorNames.Runtime, "ToleratedFailurePercentage must be between 0 and 100.");
        }

        return new Limits((int)Math.Clamp(maxConcurrency, 0, int.MaxValue), toleratedCount, toleratedPercentage);
    }

    /// <summary>The evaluated MaxConcurrency and tolerated-failure settings of one run.</summary>
    private readonly record struct Limits(int MaxConcurrency, long? ToleratedCount, double? ToleratedPercentage)
    {
        public bool HasTolerance => ToleratedCount is not null || ToleratedPercentage is not null;

        /// <summary>True when <paramref name="failures"/> of <paramref name="total"/> items exceed the tolerance.</summary>
        public bool Exceeded(int failures, int total) =>
            failures > 0
            && (!HasTolerance
                || (ToleratedCount is { } count && failures > count)
                || (ToleratedPercentage is { } percentage && failures * 100.0 / total > percentage));
    }

    private readonly record struct MapOutcome(Payload? Result, Failure? Failure, long LastEventId)
    {
        /// <summary>What the Exited event points at; differs from <see cref="LastEventId"/> for distributed maps.</summary>
        public long ExitSource { get; init; } = LastEventId;
    }
}
