using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;

namespace SfnResume.Resume.Tests.Scenarios;

/// <summary>
/// The Lambda functions of the scenarios, as C# delegates that fail on a condition of their input and count every
/// call by function and input, so a test can tell which work a run repeated.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>echo</c>: returns its input.</item>
/// <item><c>needKey</c>: fails with <c>MissingKey</c> unless the input has <c>key</c>; returns <c>{"key": key, "ok": true}</c>.</item>
/// <item><c>double</c>: returns <c>n * 2</c>; fails with <c>MissingN</c> when <c>n</c> is absent.</item>
/// <item><c>picky</c>: returns <c>{"n": n, "sq": n * n}</c>; before the fix it fails with <c>BadItem</c> when
/// <c>n % 7 == 3</c> (the bug the fixed handler no longer has).</item>
/// <item><c>broken</c>: before the fix always fails with <c>Broken</c>; fixed, returns <c>{"repaired": true}</c>.</item>
/// <item><c>rare</c>: returns <c>n * 2</c> for <c>n</c> or <c>{"n": n}</c>; before the fix it fails with <c>BadItem</c>
/// when <c>n &gt; 9996</c> (the last three of the items 0..9999), once all three are in flight.</item>
/// <item><c>lateBroken</c>: before the fix, waits until a second <c>lateBroken</c> call has started, then fails
/// with <c>LateBroken</c> (two branches fail while both are running); fixed, returns <c>{"late": true}</c>.</item>
/// <item><c>tick</c>: returns <c>{"count": count + 1}</c>.</item>
/// </list>
/// </remarks>
internal sealed class Lambdas
{
    private readonly bool _fixed;
    private readonly ConcurrentQueue<(string Function, string Input, bool Succeeded)> _calls = new();

    /// <summary>Released once two <c>lateBroken</c> calls have started, so both are in flight together.</summary>
    private readonly TaskCompletionSource _bothStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lateStarted;

    /// <summary>Released once the three failing <c>rare</c> items are all in flight, so all three fail.</summary>
    private readonly TaskCompletionSource _allRareStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _rareStarted;

    public Lambdas(bool fixedHandlers)
    {
        _fixed = fixedHandlers;
    }

    public IReadOnlyCollection<(string Function, string Input, bool Succeeded)> Calls => _calls;

    /// <summary>Successful calls counted by function and input text.</summary>
    public Dictionary<string, int> SucceededCalls() => SucceededCalls(key => key);

    /// <summary>Successful calls counted by function and input text, each key passed through <paramref name="map"/>.</summary>
    public Dictionary<string, int> SucceededCalls(Func<string, string> map) =>
        _calls.Where(c => c.Succeeded).GroupBy(c => map(c.Function + " " + c.Input)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public int FailedCallCount => _calls.Count(c => !c.Succeeded);

    /// <summary>
    /// A call key as a clean run would make it when the repair was a patch: the patch merged into an object input.
    /// A clean run starts from the patched input, so states before the failure see the patch too.
    /// </summary>
    public static string WithPatch(string key, JsonNode? patch)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (patch is null || JsonNode.Parse(key[(space + 1)..]) is not JsonObject input)
        {
            return key;
        }

        return key[..space] + " " + Canonical(SfnResume.Core.Json.JsonMergePatch.Apply(input, patch));
    }

    public DelegateLambdaInvoker Invoker()
    {
        var invoker = new DelegateLambdaInvoker();
        Add(invoker, "echo", input => input?.DeepClone());
        Add(invoker, "needKey", input => input?["key"] is { } key
            ? new JsonObject { ["key"] = key.DeepClone(), ["ok"] = true }
            : throw new LambdaFunctionException("MissingKey", "the input has no 'key'"));
        Add(invoker, "double", input => input?["n"] is { } n
            ? JsonValue.Create(Num(n) * 2)
            : throw new LambdaFunctionException("MissingN", "the input has no 'n'"));
        Add(invoker, "picky", input =>
        {
            var n = Num(input!["n"]!);
            return !_fixed && n % 7 == 3
                ? throw new LambdaFunctionException("BadItem", $"item {n} is not handled")
                : new JsonObject { ["n"] = n, ["sq"] = n * n };
        });
        Add(invoker, "broken", _ => _fixed
            ? new JsonObject { ["repaired"] = true }
            : throw new LambdaFunctionException("Broken", "this handler has a bug"));
        invoker.Add("rare", async (invocation, cancellationToken) =>
        {
            var input = invocation.Payload;
            var n = Num(input is JsonObject o ? o["n"]! : input!);
            var text = Canonical(input);
            if (_fixed || n <= 9996)
            {
                _calls.Enqueue(("rare", text, true));
                return new LambdaOutcome.Succeeded(JsonValue.Create(n * 2));
            }

            if (Interlocked.Increment(ref _rareStarted) == 3)
            {
                _allRareStarted.TrySetResult();
            }

            await _allRareStarted.Task.WaitAsync(cancellationToken);
            _calls.Enqueue(("rare", text, false));
            return new LambdaOutcome.Failed("BadItem", "{\"errorType\":\"BadItem\",\"errorMessage\":\"item " + n + " is not handled\"}");
        });
        invoker.Add("lateBroken", async (invocation, cancellationToken) =>
        {
            var text = Canonical(invocation.Payload);
            if (_fixed)
            {
                _calls.Enqueue(("lateBroken", text, true));
                return new LambdaOutcome.Succeeded(new JsonObject { ["late"] = true });
            }

            if (Interlocked.Increment(ref _lateStarted) == 2)
            {
                _bothStarted.TrySetResult();
            }

            await _bothStarted.Task.WaitAsync(cancellationToken);
            _calls.Enqueue(("lateBroken", text, false));
            return new LambdaOutcome.Failed("LateBroken", "{\"errorType\":\"LateBroken\",\"errorMessage\":\"fails once another call is in flight\"}");
        });
        Add(invoker, "tick", input => new JsonObject { ["count"] = (input?["count"] is { } c ? Num(c) : 0) + 1 });
        return invoker;
    }

    private static long Num(JsonNode node) => long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Input text with object members sorted, so inputs that differ only in member order count as one.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonValue.Create(p.Key).ToJsonString() + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private void Add(DelegateLambdaInvoker invoker, string name, Func<JsonNode?, JsonNode?> body) =>
        invoker.Add(name, input =>
        {
            var text = Canonical(input);
            try
            {
                var result = body(input);
                _calls.Enqueue((name, text, true));
                return result;
            }
            catch (LambdaFunctionException)
            {
                _calls.Enqueue((name, text, false));
                throw;
            }
        });
}
