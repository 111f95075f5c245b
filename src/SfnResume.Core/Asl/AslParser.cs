using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>
/// Parses Amazon States Language text into a <see cref="StateMachineDefinition"/> and validates it as
/// CreateStateMachine does. Never throws on bad input: problems come back as diagnostics.
/// </summary>
public static class AslParser
{
    /// <summary>
    /// Duplicate names are not rejected while the text is read: checking every object's names there costs more than
    /// the nodes' own check, which refuses them when the tree is built (see <see cref="Model(string, AslValidationOptions)"/>).
    /// </summary>
    private static readonly JsonDocumentOptions s_documentOptions = new()
    {
        AllowDuplicateProperties = true,
        MaxDepth = 512,
    };

    /// <summary>Parses and validates definition text.</summary>
    public static AslParseResult Parse(string json) => Parse(json, AslValidationOptions.Default);

    /// <summary>Parses and validates definition text with the given validation options.</summary>
    public static AslParseResult Parse(string json, AslValidationOptions options) => Model(json, options).Validate();

    /// <summary>
    /// Parses and models definition text, leaving validation to <see cref="AslModel.Validate"/>: a caller may start
    /// using the model (read only) while another thread validates it, and must not act on it before the validation
    /// has passed.
    /// </summary>
    public static AslModel Model(string json, AslValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(json))
        {
            return AslModel.Failed(Fail(new AslDiagnostic(AslDiagnosticCodes.SchemaValidationFailed, "Definition must be a valid JSON object", null)));
        }

        JsonNode? node;
        try
        {
            // The document is intentionally not disposed: the nodes keep reading its buffer (number and
            // string text stay as written).
            var document = JsonDocument.Parse(json, s_documentOptions);
            node = document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => JsonObject.Create(document.RootElement),
                _ => null,
            };
        }
        catch (JsonException ex)
        {
            return AslModel.Failed(ex.LineNumber is null && DuplicateNames.Find(json) is { Length: > 0 } duplicates
                ? new AslParseResult(null, duplicates)
                : Fail(JsonSyntaxDiagnostics.FromException(json, ex)));
        }

        if (node is JsonObject tree)
        {
            try
            {
                Materialize(tree);
            }
            catch (ArgumentException) when (DuplicateNames.Find(json) is { Length: > 0 } duplicates)
            {
                // A name given twice in one object: reported as AWS reports it, with where.
                return AslModel.Failed(new AslParseResult(null, duplicates));
            }
        }

        return node is JsonObject root
            ? Model(root, options)
            : AslModel.Failed(Fail(new AslDiagnostic(AslDiagnosticCodes.SchemaValidationFailed, "Definition must be a valid JSON object", null)));
    }

    /// <summary>Parses and validates an already-parsed definition object (kept as the model's <c>Raw</c>).</summary>
    public static AslParseResult Parse(JsonObject root) => Parse(root, AslValidationOptions.Default);

    public static AslParseResult Parse(JsonObject root, AslValidationOptions options) => Model(root, options).Validate();

    /// <summary>As <see cref="Model(string, AslValidationOptions)"/>, for an already-parsed definition object.</summary>
    public static AslModel Model(JsonObject root, AslValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        var reader = new AslFieldReader();
        var builder = new DefinitionBuilder(reader);
        StateMachineDefinition? definition;
        try
        {
            definition = builder.Build(root);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException or FormatException)
        {
            // Raised while materialising nodes over malformed input (e.g. duplicate keys created in code).
            reader.Report(ex.Message, "");
            definition = null;
        }

        if (definition is not null)
        {
            Materialize(root);
        }

        return new AslModel(builder.Complete ? definition : null, () =>
        {
            if (definition is not null)
            {
                AslValidator.Validate(definition, options, reader.Diagnostics);
            }

            return new AslParseResult(builder.Complete ? definition : null, [.. reader.Diagnostics]);
        });
    }

    private static AslParseResult Fail(AslDiagnostic diagnostic) => new(null, [diagnostic]);

    /// <summary>
    /// Builds every lazily created child node now: nodes read from a document fill in their children on
    /// first access, which is not safe when several threads (parallel branches) read the same template.
    /// </summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }

    /// <summary>Builds the model; reports what cannot be typed and remembers whether every state could be modelled.</summary>
    private sealed class DefinitionBuilder(AslFieldReader reader)
    {
        private readonly List<StateLocation?> _all = [];
        private readonly List<StateScope> _scopes = [];
        private QueryLanguage? _machineLanguage;

        public bool Complete { get; private set; } = true;

        public StateMachineDefinition Build(JsonObject root)
        {
            _machineLanguage = ReadLanguage(root, "");
            var missing = new List<string>(2);
            if (!root.ContainsKey("States"))
            {
                missing.Add("States");
            }

            if (!root.ContainsKey("StartAt"))
            {
                missing.Add("StartAt");
            }

            if (missing.Count > 0)
            {
                reader.Report($"These fields are required: [{string.Join(", ", missing)}]", "");
                Complete = false;
            }

            var scope = ReadScope(root, "", []);
            var all = _all.OfType<StateLocation>().ToImmutableArray();
            var locations = new Dictionary<string, StateLocation>(all.Length, StringComparer.Ordinal);
            foreach (var location in all)
            {
                locations.TryAdd(location.State.Name, location);
            }

            return new StateMachineDefinition
            {
                Root = scope,
                Comment = reader.String(root, "Comment", ""),
                Version = reader.String(root, "Version", ""),
                TimeoutSeconds = reader.Number(root, "TimeoutSeconds", ""),
                QueryLanguage = _machineLanguage,
                Raw = root,
                AllStates = all,
                AllScopes = [.. _scopes],
                LocationsByName = locations.ToFrozenDictionary(StringComparer.Ordinal),
            };
        }

        private QueryLanguage? ReadLanguage(JsonObject obj, string pointer)
        {
            var text = reader.String(obj, "QueryLanguage", pointer);
            switch (text)
            {
                case null:
                    return null;
                case "JSONPath":
                    return QueryLanguage.JsonPath;
                case "JSONata":
                    return QueryLanguage.Jsonata;
                default:
                    reader.Report("The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]", AslLocation.Append(pointer, "QueryLanguage"));
                    return null;
            }
        }

        private StateScope ReadScope(JsonObject obj, string pointer, ImmutableArray<ScopeSegment> path)
        {
            var startAt = reader.String(obj, "StartAt", pointer);
            var statesObject = reader.Object(obj, "States", pointer);
            var scopeIndex = _scopes.Count;
            _scopes.Add(null!);
            var states = ImmutableArray.CreateBuilder<StateDefinition>(statesObject?.Count ?? 0);
            var byName = new Dictionary<string, StateDefinition>(statesObject?.Count ?? 0, StringComparer.Ordinal);
            var pending = new List<int>(); // indices into _all of this scope's states, fixed up once the scope exists
            if (statesObject is not null)
            {
                var statesPointer = AslLocation.Append(pointer, "States");
                foreach (var (name, value) in statesObject)
                {
                    var statePointer = AslLocation.Append(statesPointer, name);
                    if (value is not JsonObject stateObject)
                    {
                        reader.Report($"The value for the field '{name}' must be an OBJECT", statePointer);
                        Complete = false;
                        continue;
                    }

                    // Reserve the slot first so a Parallel/Map precedes its inner states in AllStates.
                    var slot = _all.Count;
                    _all.Add(null);
                    var state = ReadState(name, stateObject, statePointer, path);
                    if (state is null)
                    {
                        Complete = false;
                        continue;
                    }

                    states.Add(state);
                    byName.TryAdd(name, state);
                    _all[slot] = new StateLocation(state, null!);
                    pending.Add(slot);
                }
            }
            else if (obj.ContainsKey("States") || pointer.Length > 0)
            {
                Complete = false;
            }

            var scope = new StateScope
            {
                Path = path,
                StartAt = startAt ?? "",
                States = states.ToImmutable(),
                StatesByName = byName.ToFrozenDictionary(StringComparer.Ordinal),
                QueryLanguage = pointer.Length == 0 ? _machineLanguage : ReadLanguage(obj, pointer),
                Comment = pointer.Length == 0 ? null : reader.String(obj, "Comment", pointer),
                Raw = obj,
                Pointer = pointer,
            };
            _scopes[scopeIndex] = scope;
            foreach (var index in pending)
            {
                _all[index] = _all[index]! with { Scope = scope };
            }

            return scope;
        }

        private StateDefinition? ReadState(string name, JsonObject obj, string pointer, ImmutableArray<ScopeSegment> path)
        {
            var typeText = reader.String(obj, "Type", pointer);
            if (typeText is null)
            {
                if (!obj.ContainsKey("Type"))
                {
                    reader.Report("These fields are required: [Type]", pointer);
                }

                return null;
            }

            if (ParseType(typeText) is not { } type)
            {
                reader.Report("The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]", AslLocation.Append(pointer, "Type"));
                return null;
            }

            var language = ReadLanguage(obj, pointer);
            var context = new StateContext(name, obj, pointer, language, language ?? _machineLanguage ?? QueryLanguage.JsonPath);
            var states = new StateReader(reader, context);
            return type switch
            {
                StateType.Pass => states.Pass(),
                StateType.Task => states.Task(),
                StateType.Choice => states.Choice(),
                StateType.Wait => states.Wait(),
                StateType.Succeed => states.Succeed(),
                StateType.Fail => states.Fail(),
                StateType.Parallel => states.Parallel(ReadBranches(name, obj, pointer, path)),
                _ => ReadMap(states, name, obj, pointer, path),
            };
        }

        /// <summary>The state type named exactly (case-sensitive); a switch rather than Enum.TryParse, whose generic code is compiled at start-up.</summary>
        private static StateType? ParseType(string text) => text switch
        {
            "Pass" => StateType.Pass,
            "Task" => StateType.Task,
            "Choice" => StateType.Choice,
            "Wait" => StateType.Wait,
            "Succeed" => StateType.Succeed,
            "Fail" => StateType.Fail,
            "Parallel" => StateType.Parallel,
            "Map" => StateType.Map,
            _ => null,
        };

        private ImmutableArray<StateScope> ReadBranches(string name, JsonObject obj, string pointer, ImmutableArray<ScopeSegment> path)
        {
            var branches = reader.Array(obj, "Branches", pointer);
            if (branches is null)
            {
                return [];
            }

            var result = ImmutableArray.CreateBuilder<StateScope>(branches.Count);
            for (var i = 0; i < branches.Count; i++)
            {
                var branchPointer = AslLocation.Append(pointer, "Branches", i);
                if (branches[i] is JsonObject branch)
                {
                    result.Add(ReadScope(branch, branchPointer, path.Add(new ScopeSegment(name, i))));
                }
                else
                {
                    reader.Report("The value for the field 'Branches' must be an array of OBJECT", branchPointer);
                    Complete = false;
                }
            }

            return result.ToImmutable();
        }

        private MapState? ReadMap(StateReader states, string name, JsonObject obj, string pointer, ImmutableArray<ScopeSegment> path)
        {
            var usesIterator = !obj.ContainsKey("ItemProcessor") && obj.ContainsKey("Iterator");
            var field = usesIterator ? "Iterator" : "ItemProcessor";
            var processorObject = reader.Object(obj, field, pointer);
            if (processorObject is null)
            {
                if (!obj.ContainsKey(field))
                {
                    reader.Report("These fields are required: [ItemProcessor]", pointer);
                }

                return null;
            }

            var processor = ReadScope(processorObject, AslLocation.Append(pointer, field), path.Add(new ScopeSegment(name, null)));
            return states.Map(processor, usesIterator, processorObject);
        }
    }
}
