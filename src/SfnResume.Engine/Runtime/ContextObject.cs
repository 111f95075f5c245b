using System.Text.Json.Nodes;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// The context object (<c>$$</c>, https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html)
/// of one scope. Built on first use only (most states never read it) and then updated in place as states are
/// entered, so a long run allocates one per scope rather than one per state.
/// </summary>
internal sealed class ContextObject
{
    private readonly JsonObject _root;
    private readonly JsonObject _state;
    private JsonObject? _mapItem;

    public ContextObject(ExecutionRun run)
    {
        var execution = new JsonObject
        {
            ["Id"] = run.ExecutionArn,
            ["Input"] = run.ParseInputCopy(),
            ["StartTime"] = AslTimestamp.FormatContext(run.StartTime),
            ["Name"] = run.ExecutionName,
            ["RoleArn"] = run.RoleArn,
            ["RedriveCount"] = run.RedriveCount,
        };
        _state = new JsonObject();
        _root = new JsonObject
        {
            ["Execution"] = execution,
            ["StateMachine"] = new JsonObject { ["Id"] = run.StateMachineArn, ["Name"] = run.StateMachineName },
            ["State"] = _state,
        };
    }

    public JsonObject Root => _root;

    /// <summary>Sets <c>$$.State</c> for the state being run; <paramref name="retryCount"/> only for Task, Parallel and Map.</summary>
    public void EnterState(string name, string enteredTime, int? retryCount)
    {
        _state["Name"] = name;
        _state["EnteredTime"] = enteredTime;
        if (retryCount is { } count)
        {
            _state["RetryCount"] = count;
        }
        else
        {
            _state.Remove("RetryCount");
        }
    }

    public void SetRetryCount(int count) => _state["RetryCount"] = count;

    /// <summary>Sets <c>$$.Map.Item</c>; <paramref name="value"/> must be a node the context may own.</summary>
    public void SetMapItem(int index, JsonNode? value)
    {
        if (_mapItem is null)
        {
            _mapItem = new JsonObject();
            _root["Map"] = new JsonObject { ["Item"] = _mapItem };
        }

        _mapItem["Index"] = index;
        _mapItem["Value"] = value;
    }

    public void ClearMapItem()
    {
        if (_mapItem is not null)
        {
            _root.Remove("Map");
            _mapItem = null;
        }
    }

    public void SetTaskToken(string? token)
    {
        if (token is null)
        {
            _root.Remove("Task");
        }
        else
        {
            _root["Task"] = new JsonObject { ["Token"] = token };
        }
    }
}
