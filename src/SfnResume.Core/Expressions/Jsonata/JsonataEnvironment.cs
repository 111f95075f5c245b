using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>
/// What an evaluation may see besides its input: variable bindings, the clock and random source
/// (injected; Core reads neither itself), the Step Functions function set, and the guards.
/// </summary>
public sealed class JsonataEnvironment
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>
    /// Enables the AWS Step Functions additions ($partition, $range, $hash, $random(seed), $uuid, $parse)
    /// and disables $eval, as AWS does.
    /// </summary>
    public bool StepFunctionsExtensions { get; init; }

    /// <summary>The instant $now() and $millis() report; read once per evaluation.</summary>
    public Func<DateTimeOffset>? Clock { get; init; }

    /// <summary>Uniform random numbers in [0, 1) for $random() and $shuffle().</summary>
    public Func<double>? Random { get; init; }

    /// <summary>Random bytes for $uuid(); when absent, $uuid draws from <see cref="Random"/>.</summary>
    public Action<Span<byte>>? RandomBytes { get; init; }

    /// <summary>Maximum nesting of evaluation steps before failing with U1001 (stack overflow).</summary>
    public int MaxDepth { get; init; } = 10_000;

    /// <summary>Optional evaluation time limit, measured with <see cref="TimeProvider"/>.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The timer used for <see cref="TimeLimit"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Evaluator values of the bindings, converted lazily and shared by every evaluation.</summary>
    internal IReadOnlyDictionary<string, object?> BoundValues => _values;

    /// <summary>
    /// Binds <c>$name</c> to a JSON value. The value is read lazily and never modified; do not modify
    /// it while this environment is in use (bind again instead).
    /// </summary>
    public JsonataEnvironment Bind(string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        _values[name] = Values.FromNode(value);
        return this;
    }

    /// <summary>
    /// Binds <c>$name</c> to an object with the given members, in order, without building a
    /// <see cref="JsonObject"/>: each member value is read in place, lazily, never copied and never modified
    /// (so a node that already has a parent may be passed). Keys must be distinct. An array of members is kept
    /// as it is, not copied: do not modify it, or the values, while this binding is in use.
    /// </summary>
    public JsonataEnvironment BindObject(string name, IEnumerable<KeyValuePair<string, JsonNode?>> members)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(members);
        _values[name] = new JMap(members as KeyValuePair<string, JsonNode?>[] ?? members.ToArray());
        return this;
    }
}
