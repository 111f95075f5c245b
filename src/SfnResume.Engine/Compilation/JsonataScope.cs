using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.Jsonata;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// What a JSONata expression of one state sees: <c>$states</c> (input, result, errorOutput, context) and the
/// workflow variables visible in the frame. Clock and randomness come from the engine options. One scope serves
/// all expressions of a state's step, so <c>$states</c> is built once (variables cannot change meanwhile: Assign
/// applies only when the state exits).
/// </summary>
internal sealed class JsonataScope
{
    private readonly Frame _frame;
    private JsonataEnvironment? _environment;
    private bool _statesBound;
    private readonly JsonNode? _result;
    private readonly bool _hasResult;
    private readonly JsonNode? _errorOutput;
    private readonly bool _withContext;

    private JsonataScope(Frame frame, JsonNode? input, JsonNode? result, bool hasResult, JsonNode? errorOutput, bool withContext)
    {
        _frame = frame;
        Input = input;
        _result = result;
        _hasResult = hasResult;
        _errorOutput = errorOutput;
        _withContext = withContext;
    }

    /// <summary>The state's raw input (<c>$states.input</c>).</summary>
    public JsonNode? Input { get; }

    public static JsonataScope ForInput(Frame frame, JsonNode? input, bool withContext) =>
        new(frame, input, null, false, null, withContext);

    public static JsonataScope ForResult(Frame frame, JsonNode? input, JsonNode? result, bool withContext) =>
        new(frame, input, result, true, null, withContext);

    public static JsonataScope ForError(Frame frame, JsonNode? input, JsonNode? errorOutput, bool withContext) =>
        new(frame, input, null, false, errorOutput, withContext);

    /// <summary>An environment binding <c>$states</c> (when read) and the variables <paramref name="names"/> that exist.</summary>
    public JsonataEnvironment Environment(string[] names, bool readsStates)
    {
        var frame = _frame;
        var options = frame.Run.Options;
        var environment = _environment ??= frame.JsonataEnvironment ??= new JsonataEnvironment
        {
            StepFunctionsExtensions = true,
            Clock = () => frame.Now,
            Random = options.NextRandom,
            RandomBytes = bytes => FillFromGuids(bytes, options.NewGuid),
        };
        if (readsStates && !_statesBound)
        {
            _statesBound = true;
            BindStates(environment, frame);
        }

        foreach (var name in names)
        {
            if (frame.Variables.TryGetVariable(name, out var value))
            {
                environment.Bind(name, value);
            }
        }

        return environment;
    }

    /// <summary>
    /// Binds <c>$states</c> over the step's nodes in place: evaluation never modifies them and copies what it
    /// returns, and nothing changes them while the state's expressions run, so no copy and no object is built.
    /// </summary>
    private void BindStates(JsonataEnvironment environment, Frame frame)
    {
        var count = 1 + (_hasResult ? 1 : 0) + (_errorOutput is not null ? 1 : 0) + (_withContext ? 1 : 0);
        var members = new KeyValuePair<string, JsonNode?>[count];
        var at = 0;
        members[at++] = new("input", Input);
        if (_hasResult)
        {
            members[at++] = new("result", _result);
        }

        if (_errorOutput is not null)
        {
            members[at++] = new("errorOutput", _errorOutput);
        }

        if (_withContext)
        {
            members[at] = new("context", frame.Context.Root);
        }

        environment.BindObject("states", members);
    }

    private static void FillFromGuids(Span<byte> bytes, Func<Guid> newGuid)
    {
        Span<byte> chunk = stackalloc byte[16];
        for (var at = 0; at < bytes.Length; at += 16)
        {
            newGuid().TryWriteBytes(chunk);
            chunk[..Math.Min(16, bytes.Length - at)].CopyTo(bytes[at..]);
        }
    }
}
