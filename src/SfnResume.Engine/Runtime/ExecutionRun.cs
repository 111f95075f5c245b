using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// Everything one execution shares across its scopes: identity (ARNs, names, start time), the history being
/// written, the services it calls, counters, and how time passes.
/// </summary>
internal sealed class ExecutionRun
{
    private long _statesEntered;
    private long _retries;
    private long _taskCalls;
    private ParsedInput? _parsedInput;

    public ExecutionRun(EngineOptions options, HistoryRecorder recorder, ExecutionIdentity identity, string inputText, DateTimeOffset startTime, CancellationToken stopToken)
    {
        Options = options;
        Recorder = recorder;
        Identity = identity;
        InputText = inputText;
        StartTime = startTime;
        StopToken = stopToken;
    }

    public EngineOptions Options { get; }

    public HistoryRecorder Recorder { get; }

    public ExecutionIdentity Identity { get; }

    public string ExecutionArn => Identity.ExecutionArn;

    public string ExecutionName => Identity.ExecutionName;

    public string StateMachineArn => Identity.StateMachineArn;

    public string StateMachineName => Identity.StateMachineName;

    public string RoleArn => Identity.RoleArn;

    public int RedriveCount => Identity.RedriveCount;

    /// <summary>The execution input exactly as sent.</summary>
    public string InputText { get; }

    public DateTimeOffset StartTime { get; }

    /// <summary>Execution-level <c>TimeoutSeconds</c> deadline, on the execution's clock.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Cancelled by StopExecution (and, outside fast-forward mode, when the execution times out).</summary>
    public CancellationToken StopToken { get; }

    public ILambdaInvoker? LambdaInvoker => Options.LambdaInvoker;

    public TimeProvider Time => Options.TimeProvider;

    /// <summary>The virtual clock in fast-forward mode; null when waits take real time.</summary>
    public VirtualClock? Clock { get; init; }

    public long StatesEntered => Interlocked.Read(ref _statesEntered);

    public long Retries => Interlocked.Read(ref _retries);

    public long TaskCalls => Interlocked.Read(ref _taskCalls);

    public void CountEntered() => Interlocked.Increment(ref _statesEntered);

    public void CountRetry() => Interlocked.Increment(ref _retries);

    public void CountTaskCall() => Interlocked.Increment(ref _taskCalls);

    /// <summary>
    /// A fresh, unowned node for the execution input: the first state's input, and <c>$$.Execution.Input</c> of each
    /// context object (one per scope that reads <c>$$</c>). The input is parsed once into a read-only element; every
    /// node is built over it lazily (a change builds the node's own members and leaves the element as it is), so the
    /// input is neither parsed again nor copied.
    /// </summary>
    public JsonNode? ParseInputCopy()
    {
        var parsed = LazyInitializer.EnsureInitialized(ref _parsedInput, () => new ParsedInput(ParseElement(InputText)));
        var element = parsed.Element;
        return element.ValueKind switch
        {
            JsonValueKind.Object => JsonObject.Create(element),
            JsonValueKind.Array => JsonArray.Create(element),
            JsonValueKind.Null => null,
            _ => JsonValue.Create(element),
        };
    }

    /// <summary>What <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/> reads, kept as an element
    /// that owns its (unpooled) document.</summary>
    private static JsonElement ParseElement(string text)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), s_readerOptions);
        return JsonElement.ParseValue(ref reader);
    }

    private sealed record ParsedInput(JsonElement Element);

    private static readonly JsonReaderOptions s_readerOptions = new() { MaxDepth = 512 };
}

/// <summary>Names and ARNs of one execution.</summary>
internal sealed record ExecutionIdentity(
    string ExecutionArn,
    string ExecutionName,
    string StateMachineArn,
    string StateMachineName,
    string RoleArn,
    int RedriveCount,
    string Region,
    string AccountId);
