using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>Where a state is being read and which language applies to it.</summary>
internal sealed record StateContext(string Name, JsonObject Raw, string Pointer, QueryLanguage? Declared, QueryLanguage Effective)
{
    public bool IsJsonata => Effective == QueryLanguage.Jsonata;
}

/// <summary>Reads one state object of a known type into its record.</summary>
internal sealed class StateReader(AslFieldReader reader, StateContext context)
{
    private JsonObject Obj => context.Raw;

    private string Ptr => context.Pointer;

    public PassState Pass() => new()
    {
        Name = context.Name,
        Comment = Comment(),
        QueryLanguage = context.Declared,
        EffectiveQueryLanguage = context.Effective,
        InputPath = reader.Path(Obj, "InputPath", Ptr),
        OutputPath = reader.Path(Obj, "OutputPath", Ptr),
        Output = reader.Node(Obj, "Output"),
        Assign = reader.Node(Obj, "Assign"),
        Raw = Obj,
        Pointer = Ptr,
        Next = Transition(),
        Parameters = reader.Node(Obj, "Parameters"),
        Result = reader.Node(Obj, "Result"),
        ResultPath = reader.Path(Obj, "ResultPath", Ptr),
    };

    public TaskState Task() => new()
    {
        Name = context.Name,
        Comment = Comment(),
        QueryLanguage = context.Declared,
        EffectiveQueryLanguage = context.Effective,
        InputPath = reader.Path(Obj, "InputPath", Ptr),
        OutputPath = reader.Path(Obj, "OutputPath", Ptr),
        Output = reader.Node(Obj, "Output"),
        Assign = reader.Node(Obj, "Assign"),
        Raw = Obj,
        Pointer = Ptr,
        Next = Transition(),
        Resource = reader.String(Obj, "Resource", Ptr) ?? "",
        Parameters = reader.Node(Obj, "Parameters"),
        Arguments = reader.Node(Obj, "Arguments"),
        ResultSelector = reader.Node(Obj, "ResultSelector"),
        ResultPath = reader.Path(Obj, "ResultPath", Ptr),
        TimeoutSeconds = reader.Dynamic(Obj, "TimeoutSeconds", "TimeoutSecondsPath", Ptr, context.IsJsonata),
        HeartbeatSeconds = reader.Dynamic(Obj, "HeartbeatSeconds", "HeartbeatSecondsPath", Ptr, context.IsJsonata),
        Credentials = reader.Node(Obj, "Credentials"),
        Retry = Retriers(),
        Catch = Catchers(),
    };

    public ChoiceState Choice() => new()
    {
        Name = context.Name,
        Comment = Comment(),
        QueryLanguage = context.Declared,
        EffectiveQueryLanguage = context.Effective,
        InputPath = reader.Path(Obj, "InputPath", Ptr),
        OutputPath = reader.Path(Obj, "OutputPath", Ptr),
        Output = reader.Node(Obj, "Output"),
        Assign = reader.Node(Obj, "Assign"),
        Raw = Obj,
        Pointer = Ptr,
        Choices = new ChoiceRuleReader(reader, context.IsJsonata).TopLevel(Obj, Ptr),
        Default = reader.String(Obj, "Default", Ptr),
    };

    public WaitState Wait() => new()
    {
        Name = context.Name,
        Comment = Comment(),
        QueryLanguage = context.Declared,
        EffectiveQueryLanguage = context.Effective,
        InputPath = reader.Path(Obj, "InputPath", Ptr),
        OutputPath = reader.Path(Obj, "OutputPath", Ptr),
        Output = reader.Node(Obj, "Output"),
        Assign = reader.Node(Obj, "Assign"),
        Raw = Obj,
        Pointer = Ptr,
        Next = Transition(),
        Seconds = reader.Dynamic(Obj, "Seconds", "SecondsPath", Ptr, context.IsJsonata),
        Timestamp = reader.Dynamic(Obj, "Timestamp", "TimestampPath", Ptr, context.IsJsonata),
    };

    public SucceedState Succeed() => new()
    {
        Name = context.Name,
        Comment = Comment(),
        QueryLanguage = context.Declared,
        EffectiveQueryLanguage = context.Effective,
        InputPath = reader.Path(Obj, "InputPath", Ptr),
        OutputPath = reader.Path(Obj, "OutputPath", Ptr),
        Output = reader.Node(Obj, "Output"),
        Assign = reader.Node(Obj, "Assign"),
        Raw = Obj,
        Pointer = Ptr,
    };

    public FailState Fail() => new()
    {
        Name = context.Name,
        Comment = Comment(),
        QueryLanguage = context.Declared,
        EffectiveQueryLanguage = context.Effective,
        InputPath = reader.Path(Obj, "InputPath", Ptr),
        OutputPath = reader.Path(Obj, "OutputPath", Ptr),
        Output = reader.Node(Obj, "Output"),
        Assign = reader.Node(Obj, "Assign"),
        Raw = Obj,
        Pointer = Ptr,
        Error = reader.Dynamic(Obj, "Error", "ErrorPath", Ptr, context.IsJsonata),
        Cause = reader.Dynamic(Obj, "Cause", "CausePath", Ptr, context.IsJsonata),
    };

    public ParallelState Parallel(ImmutableArray<StateScope> branches) => new()
    {
        Name = context.Name,
        Comment = Comment(),
        QueryLanguage = context.Declared,
        EffectiveQueryLanguage = context.Effective,
        InputPath = reader.Path(Obj, "InputPath", Ptr),
        OutputPath = reader.Path(Obj, "OutputPath", Ptr),
        Output = reader.Node(Obj, "Output"),
        Assign = reader.Node(Obj, "Assign"),
        Raw = Obj,
        Pointer = Ptr,
        Next = Transition(),
        Branches = branches,
        Parameters = reader.Node(Obj, "Parameters"),
        Arguments = reader.Node(Obj, "Arguments"),
        ResultSelector = reader.Node(Obj, "ResultSelector"),
        ResultPath = reader.Path(Obj, "ResultPath", Ptr),
        Retry = Retriers(),
        Catch = Catchers(),
    };

    public MapState Map(StateScope processor, bool usesIterator, JsonObject processorObject)
    {
        var processorPointer = AslLocation.Append(Ptr, usesIterator ? "Iterator" : "ItemProcessor");
        var config = reader.Object(processorObject, "ProcessorConfig", processorPointer);
        var configPointer = AslLocation.Append(processorPointer, "ProcessorConfig");
        var mode = MapMode.Inline;
        MapExecutionType? executionType = null;
        if (config is not null)
        {
            switch (reader.String(config, "Mode", configPointer))
            {
                case null or "INLINE":
                    break;
                case "DISTRIBUTED":
                    mode = MapMode.Distributed;
                    break;
                default:
                    reader.Report("The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED]", AslLocation.Append(configPointer, "Mode"));
                    break;
            }

            switch (reader.String(config, "ExecutionType", configPointer))
            {
                case null:
                    break;
                case "STANDARD":
                    executionType = MapExecutionType.Standard;
                    break;
                case "EXPRESS":
                    executionType = MapExecutionType.Express;
                    break;
                default:
                    reader.Report("The field 'ExecutionType' should have one of these values: [STANDARD, EXPRESS]", AslLocation.Append(configPointer, "ExecutionType"));
                    break;
            }
        }

        return new MapState
        {
            Name = context.Name,
            Comment = Comment(),
            QueryLanguage = context.Declared,
            EffectiveQueryLanguage = context.Effective,
            InputPath = reader.Path(Obj, "InputPath", Ptr),
            OutputPath = reader.Path(Obj, "OutputPath", Ptr),
            Output = reader.Node(Obj, "Output"),
            Assign = reader.Node(Obj, "Assign"),
            Raw = Obj,
            Pointer = Ptr,
            Next = Transition(),
            Processor = processor,
            UsesIterator = usesIterator,
            Mode = mode,
            ExecutionType = executionType,
            ItemsPath = reader.Path(Obj, "ItemsPath", Ptr),
            Items = reader.Node(Obj, "Items"),
            ItemSelector = reader.Node(Obj, "ItemSelector"),
            Parameters = reader.Node(Obj, "Parameters"),
            Arguments = reader.Node(Obj, "Arguments"),
            ResultSelector = reader.Node(Obj, "ResultSelector"),
            ResultPath = reader.Path(Obj, "ResultPath", Ptr),
            MaxConcurrency = reader.Dynamic(Obj, "MaxConcurrency", "MaxConcurrencyPath", Ptr, context.IsJsonata),
            ToleratedFailureCount = reader.Dynamic(Obj, "ToleratedFailureCount", "ToleratedFailureCountPath", Ptr, context.IsJsonata),
            ToleratedFailurePercentage = reader.Dynamic(Obj, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", Ptr, context.IsJsonata),
            ItemReader = reader.Object(Obj, "ItemReader", Ptr),
            ResultWriter = reader.Object(Obj, "ResultWriter", Ptr),
            ItemBatcher = reader.Object(Obj, "ItemBatcher", Ptr),
            Label = reader.String(Obj, "Label", Ptr),
            Retry = Retriers(),
            Catch = Catchers(),
        };
    }

    private string? Comment() => reader.String(Obj, "Comment", Ptr);

    /// <summary>Next wins over End in the model; the validator reports a state with both or neither.</summary>
    private Transition Transition()
    {
        var next = reader.String(Obj, "Next", Ptr);
        if (next is not null)
        {
            return Asl.Transition.To(next);
        }

        _ = reader.Boolean(Obj, "End", Ptr);
        return Asl.Transition.End;
    }

    private ImmutableArray<Retrier> Retriers() => ObjectArray("Retry", (o, pointer) =>
    {
        var jitter = reader.String(o, "JitterStrategy", pointer);
        var maxAttempts = reader.Number(o, "MaxAttempts", pointer);
        return new Retrier
        {
            ErrorEquals = reader.StringArray(o, "ErrorEquals", pointer),
            IntervalSeconds = reader.Number(o, "IntervalSeconds", pointer) ?? Retrier.DefaultIntervalSeconds,
            MaxAttempts = maxAttempts is { } m ? (int)Math.Clamp(m, int.MinValue, int.MaxValue) : Retrier.DefaultMaxAttempts,
            BackoffRate = reader.Number(o, "BackoffRate", pointer) ?? Retrier.DefaultBackoffRate,
            MaxDelaySeconds = reader.Number(o, "MaxDelaySeconds", pointer),
            JitterStrategy = jitter == "FULL" ? JitterStrategy.Full : JitterStrategy.None,
            Comment = reader.String(o, "Comment", pointer),
            Raw = o,
            Pointer = pointer,
        };
    });

    private ImmutableArray<Catcher> Catchers() => ObjectArray("Catch", (o, pointer) => new Catcher
    {
        ErrorEquals = reader.StringArray(o, "ErrorEquals", pointer),
        Next = reader.String(o, "Next", pointer) ?? "",
        ResultPath = reader.Path(o, "ResultPath", pointer),
        Output = reader.Node(o, "Output"),
        Assign = reader.Node(o, "Assign"),
        Comment = reader.String(o, "Comment", pointer),
        Raw = o,
        Pointer = pointer,
    });

    /// <summary>Reads an optional array of objects, reporting (and skipping) members that are not objects.</summary>
    private ImmutableArray<T> ObjectArray<T>(string field, Func<JsonObject, string, T> read)
    {
        var array = reader.Array(Obj, field, Ptr);
        if (array is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var pointer = AslLocation.Append(Ptr, field, i);
            if (array[i] is not JsonObject o)
            {
                reader.Report($"The value for the field '{field}' must be an array of OBJECT", pointer);
                continue;
            }

            result.Add(read(o, pointer));
        }

        return result.ToImmutable();
    }
}
