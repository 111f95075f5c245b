using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary><c>stateEnteredEventDetails</c>, written by every <c>*StateEntered</c> event.</summary>
public sealed record StateEnteredEventDetails : HistoryEventDetails
{
    private JsonText _input;

    public string Name { get; init; } = "";

    /// <summary>The state's input (before InputPath), JSON text.</summary>
    public string? Input { get => _input.Value; init => _input = JsonText.From(value); }

    public HistoryEventExecutionDataDetails? InputDetails { get; init; }

    internal JsonText InputText { get => _input; init => _input = value; }

    internal static StateEnteredEventDetails From(DetailsFields f) => new()
    {
        Name = f.Name ?? "",
        InputText = f.Input,
        InputDetails = f.InputDetails,
    };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("name", Name);
        DetailsWriter.Text(writer, "input", _input);
        DetailsWriter.Data(writer, "inputDetails", InputDetails);
    }
}

/// <summary><c>stateExitedEventDetails</c>, written by every <c>*StateExited</c> event.</summary>
public sealed record StateExitedEventDetails : HistoryEventDetails
{
    private JsonText _output;

    public string Name { get; init; } = "";

    /// <summary>The state's output (after OutputPath, or the Catch error output), JSON text.</summary>
    public string? Output { get => _output.Value; init => _output = JsonText.From(value); }

    public HistoryEventExecutionDataDetails? OutputDetails { get; init; }

    private VariableMap? _variables;

    /// <summary>Variables the state assigned: name to value as JSON text (<c>{"count":"1"}</c>), in written order.</summary>
    public IReadOnlyDictionary<string, string>? AssignedVariables
    {
        get => _variables;
        init => _variables = value is null ? null : value as VariableMap ?? new VariableMap(value);
    }

    public HistoryEventExecutionDataDetails? AssignedVariablesDetails { get; init; }

    internal JsonText OutputText { get => _output; init => _output = value; }

    /// <summary>
    /// <see cref="Output"/> parsed as JSON, read straight from the history's UTF-8 when it has not been decoded yet.
    /// False when no output was recorded.
    /// </summary>
    /// <param name="outputLength"><see cref="Output"/>'s length in characters.</param>
    /// <exception cref="System.Text.Json.JsonException">The output is not JSON.</exception>
    public bool TryParseOutput(out System.Text.Json.Nodes.JsonNode? output, out int outputLength) =>
        _output.TryParseJson(out output, out outputLength);

    internal static StateExitedEventDetails From(DetailsFields f) => new()
    {
        Name = f.Name ?? "",
        OutputText = f.Output,
        OutputDetails = f.OutputDetails,
        AssignedVariables = f.AssignedVariables,
        AssignedVariablesDetails = f.AssignedVariablesDetails,
    };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("name", Name);
        DetailsWriter.Text(writer, "output", _output);
        DetailsWriter.Data(writer, "outputDetails", OutputDetails);
        DetailsWriter.Variables(writer, AssignedVariables);
        DetailsWriter.Data(writer, "assignedVariablesDetails", AssignedVariablesDetails);
    }
}

/// <summary><c>mapStateStartedEventDetails</c>: the number of items (0 for a distributed Map reading from S3).</summary>
public sealed record MapStateStartedEventDetails : HistoryEventDetails
{
    public int? Length { get; init; }

    internal static MapStateStartedEventDetails From(DetailsFields f) => new() { Length = f.Length };

    internal override void WriteMembers(Utf8JsonWriter writer) => DetailsWriter.Number(writer, "length", Length);
}

/// <summary>
/// <c>{name, index}</c> of the four inline-Map iteration events (<c>mapIterationStarted/Succeeded/Failed/AbortedEventDetails</c>);
/// <see cref="Name"/> is the Map state's name.
/// </summary>
public sealed record MapIterationEventDetails : HistoryEventDetails
{
    public string? Name { get; init; }

    public int? Index { get; init; }

    internal static MapIterationEventDetails From(DetailsFields f) => new() { Name = f.Name, Index = f.Index };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        DetailsWriter.String(writer, "name", Name);
        DetailsWriter.Number(writer, "index", Index);
    }
}

/// <summary><c>mapRunStartedEventDetails</c> of a distributed Map.</summary>
public sealed record MapRunStartedEventDetails : HistoryEventDetails
{
    public string? MapRunArn { get; init; }

    internal static MapRunStartedEventDetails From(DetailsFields f) => new() { MapRunArn = f.MapRunArn };

    internal override void WriteMembers(Utf8JsonWriter writer) => DetailsWriter.String(writer, "mapRunArn", MapRunArn);
}

/// <summary><c>mapRunRedrivenEventDetails</c>.</summary>
public sealed record MapRunRedrivenEventDetails : HistoryEventDetails
{
    public string? MapRunArn { get; init; }

    public int? RedriveCount { get; init; }

    internal static MapRunRedrivenEventDetails From(DetailsFields f) => new() { MapRunArn = f.MapRunArn, RedriveCount = f.RedriveCount };

    internal override void WriteMembers(Utf8JsonWriter writer)
    {
        DetailsWriter.String(writer, "mapRunArn", MapRunArn);
        DetailsWriter.Number(writer, "redriveCount", RedriveCount);
    }
}

/// <summary>An ordered name-to-JSON-text map that compares by content, so details records compare by value.</summary>
internal sealed class VariableMap : IReadOnlyDictionary<string, string>, IEquatable<VariableMap>
{
    private readonly List<KeyValuePair<string, string>> _ordered;
    private readonly Dictionary<string, string> _lookup;

    public VariableMap(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        _ordered = [];
        foreach (var (key, value) in pairs)
        {
            if (_lookup.TryAdd(key, value))
            {
                _ordered.Add(new(key, value));
            }
            else
            {
                _lookup[key] = value;
                _ordered[_ordered.FindIndex(p => p.Key == key)] = new(key, value);
            }
        }
    }

    public int Count => _ordered.Count;

    public IEnumerable<string> Keys => _ordered.Select(p => p.Key);

    public IEnumerable<string> Values => _ordered.Select(p => p.Value);

    public string this[string key] => _lookup[key];

    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) =>
        _lookup.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _ordered.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(VariableMap? other) => other is not null && _ordered.SequenceEqual(other._ordered);

    public override bool Equals(object? obj) => Equals(obj as VariableMap);

    public override int GetHashCode() => _ordered.Count;
}
