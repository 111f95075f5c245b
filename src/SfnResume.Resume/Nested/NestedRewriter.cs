using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;

namespace SfnResume.Resume.Nested;

/// <summary>
/// Writes a resume tree into the copy: restore states after the top-level GoToState, a guard Choice at the start
/// of every branch and Map processor the resume enters, and the Pass states those guards jump to.
/// </summary>
/// <remarks>
/// How a branch or an iteration knows what to do. Parallel branches and Map iterations cannot see the execution
/// input, only their own (the Parallel's effective input after InputPath/Parameters, or the item), so the resume
/// data cannot travel in the payload. Variables can: inner scopes read outer variables
/// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html). The copy therefore keeps
/// <list type="bullet">
/// <item><c>sfnResume_on</c>: true only in a resumed run (GoToState's Default path sets it false, the top-level
/// container's own Assign clears it when it exits);</item>
/// <item><c>sfnResume_i&lt;k&gt;</c>: the item index inside iterations of the k-th rewritten Map, taken from the
/// Map's ItemSelector (the only field where <c>$$.Map.Item.Index</c> is documented), which the copy wraps as
/// <c>{"i": index, "v": original item}</c> and the guard unwraps;</item>
/// <item><c>sfnResume_o&lt;n&gt;</c>: the recorded outputs of the n-th resumed Map instance, read by index.</item>
/// </list>
/// Everything else a guard needs (branch outputs, the inputs of resumed inner states, inner variables) is a
/// literal in the Pass it jumps to.
/// </remarks>
internal sealed class NestedRewriter
{
    internal const string OnVariable = "sfnResume_on";

    private readonly JsonObject _root;
    private readonly StateMachineDefinition _definition;
    private readonly string _choiceName;
    private readonly bool _jsonata;
    private readonly HashSet<string> _taken;
    private readonly Dictionary<string, string> _indexVariables = new(StringComparer.Ordinal);
    private int _nextName = 1;
    private int _nextOutputs = 1;

    private NestedRewriter(JsonObject root, StateMachineDefinition definition, string choiceName, bool jsonata)
    {
        _root = root;
        _definition = definition;
        _choiceName = choiceName;
        _jsonata = jsonata;
        _taken = [.. definition.AllStates.Select(s => s.State.Name), choiceName];
    }

    /// <summary>Rewrites <paramref name="root"/> (already holding the GoToState choice) in place.</summary>
    public static void Apply(JsonObject root, StateMachineDefinition definition, ResumePlan plan, ScopeEntry top)
    {
        new NestedRewriter(root, definition, plan.ChoiceStateName, plan.Jsonata).Run(plan, top);
    }

    private void Run(ResumePlan plan, ScopeEntry top)
    {
        var firstRestore = NewName();
        var containers = new List<ContainerResume>();
        Collect(top.Inner, containers);
        var topStates = (JsonObject)_root["States"]!;
        var choice = (JsonObject)topStates[_choiceName]!;
        var assigns = new List<VariableValue>();
        if (containers.Count > 0)
        {
            choice["Assign"] = new JsonObject { [OnVariable] = false };
            assigns.Add(new(OnVariable, true));
            // Leaving the resumed container, by its end or a catcher, ends the resume: a later loop back into it
            // runs it as written.
            var container = (JsonObject)topStates[top.Target]!;
            AddLiteralAssign(container, OnVariable, false);
            foreach (var catcher in (container["Catch"] as JsonArray ?? []).OfType<JsonObject>())
            {
                AddLiteralAssign(catcher, OnVariable, false);
            }
        }

        assigns.AddRange(top.Variables);
        foreach (var group in containers.GroupBy(c => c.StateName, StringComparer.Ordinal))
        {
            switch (_definition.FindState(group.Key))
            {
                case ParallelState parallel:
                    GuardParallel(parallel, [.. group.Cast<ParallelResume>()]);
                    break;
                case MapState map:
                    var instances = group.Cast<MapResume>().Select(m => m with { InstanceId = _nextOutputs++ }).ToList();
                    foreach (var m in instances)
                    {
                        assigns.Add(new($"sfnResume_o{m.InstanceId}", m.Outputs.DeepClone()));
                    }

                    GuardMap(map, instances);
                    break;
            }
        }

        AddRestoreStates(topStates, choice, plan, top.Target, assigns, firstRestore);
    }

    private static void Collect(ContainerResume? container, List<ContainerResume> into)
    {
        if (container is null)
        {
            return;
        }

        into.Add(container);
        var entries = container switch
        {
            ParallelResume p => p.Branches.Select(b => b.Entry),
            MapResume m => m.Rerun.Select(r => r.Entry),
            _ => [],
        };
        foreach (var entry in entries)
        {
            Collect(entry?.Inner, into);
        }
    }

    /// <summary>
    /// GoToState's resume rule leads here: the first Pass drops the flag from the input (so it does not reach the
    /// outputs), then Pass states restore the variables in Assigns of at most 256 KiB each.
    /// </summary>
    private void AddRestoreStates(JsonObject topStates, JsonObject choice, ResumePlan plan, string target, List<VariableValue> assigns, string firstName)
    {
        var chunks = new List<JsonObject>();
        var current = new JsonObject();
        var size = 0L;
        foreach (var (name, value) in assigns)
        {
            var valueSize = Encoding.UTF8.GetByteCount(value?.ToJsonString() ?? "null") + name.Length + 8;
            if (current.Count > 0 && size + valueSize > ResumeTreeBuilder.MaxVariableBytes)
            {
                chunks.Add(current);
                current = [];
                size = 0;
            }

            SetAssign(current, name, value);
            size += valueSize;
        }

        if (current.Count > 0 || chunks.Count == 0)
        {
            chunks.Add(current);
        }

        var names = chunks.Select((_, i) => i == 0 ? firstName : NewName()).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var pass = new JsonObject
            {
                ["Type"] = "Pass",
                ["Comment"] = i == 0
                    ? $"Added by sfn-resume: drops \"{plan.FlagName}\" from the input and restores the variables of the failed run."
                    : "Added by sfn-resume: restores more variables of the failed run.",
            };
            if (i == 0)
            {
                StripFlag(pass, plan);
            }

            if (chunks[i].Count > 0)
            {
                pass["Assign"] = chunks[i];
            }

            pass["Next"] = i + 1 < chunks.Count ? names[i + 1] : target;
            topStates[names[i]] = pass;
        }

        choice["Choices"]![0]!["Next"] = names[0];
    }

    private void StripFlag(JsonObject pass, ResumePlan plan)
    {
        if (_jsonata)
        {
            pass["Output"] = $"{{% $states.input ~> | $ | {{}}, ['{plan.FlagName}'] | %}}";
            return;
        }

        // JSONPath has no way to remove a member, so the Pass rebuilds the object from the members the plan's
        // resume input has (values may still be edited before starting the copy).
        var parameters = new JsonObject();
        if (plan.ResumeInput is JsonObject input)
        {
            foreach (var (name, _) in input)
            {
                if (name != plan.FlagName)
                {
                    parameters[name + ".$"] = "$['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
                }
            }
        }

        pass["Parameters"] = parameters;
    }

    private void GuardParallel(ParallelState parallel, List<ParallelResume> instances)
    {
        for (var b = 0; b < parallel.Branches.Length; b++)
        {
            var scope = ScopeObject(parallel.Branches[b]);
            var states = (JsonObject)scope["States"]!;
            var rules = new JsonArray();
            var added = new List<KeyValuePair<string, JsonObject>>();
            foreach (var instance in instances)
            {
                var branch = instance.Branches[b];
                string target;
                if (branch.Mode == BranchMode.Reuse)
                {
                    target = NewName();
                    added.Add(new(target, OutputPass("returns the branch output recorded in the failed run", branch.Output)));
                }
                else if (branch.Mode == BranchMode.Enter)
                {
                    target = NewName();
                    added.Add(new(target, EnterPass(branch.Entry!, [])));
                }
                else
                {
                    continue;
                }

                rules.Add(Rule(Conditions(instance.Key, null), target, null));
            }

            if (rules.Count == 0)
            {
                continue;
            }

            var guard = NewName();
            var originalStart = (string)scope["StartAt"]!;
            var choice = new JsonObject
            {
                ["Type"] = "Choice",
                ["Comment"] = $"Added by sfn-resume: in a resumed run, reuse or resume branch {b} of '{parallel.Name}'; otherwise run it as written.",
                ["Choices"] = rules,
                ["Default"] = originalStart,
            };
            InsertFirst(states, guard, choice, added);
            scope["StartAt"] = guard;
        }
    }

    private void GuardMap(MapState map, List<MapResume> instances)
    {
        var indexVariable = _indexVariables.TryGetValue(map.Name, out var known)
            ? known
            : _indexVariables[map.Name] = $"sfnResume_i{_indexVariables.Count + 1}";
        var mapObject = StateObject(map);
        WrapItems(mapObject, map);
        var scope = ScopeObject(map.Processor);
        var states = (JsonObject)scope["States"]!;
        var originalStart = (string)scope["StartAt"]!;
        var unwrap = NewName();
        var added = new List<KeyValuePair<string, JsonObject>>();
        var unwrapPass = new JsonObject { ["Type"] = "Pass", ["Comment"] = "Added by sfn-resume: the item as the original Map gives it." };
        if (_jsonata)
        {
            unwrapPass["Output"] = "{% $states.input.v %}";
        }
        else
        {
            unwrapPass["InputPath"] = "$.v";
        }

        unwrapPass["Next"] = originalStart;
        added.Add(new(unwrap, unwrapPass));
        var keepIndex = _jsonata
            ? new JsonObject { [indexVariable] = "{% $states.input.i %}" }
            : new JsonObject { [indexVariable + ".$"] = "$.i" };
        var rules = new JsonArray();
        var pick = NewName();
        var picked = NewName();
        foreach (var instance in instances)
        {
            foreach (var (index, entry) in instance.Rerun)
            {
                if (entry is null)
                {
                    continue;
                }

                var enter = NewName();
                added.Add(new(enter, EnterPass(entry, [new(indexVariable, index)])));
                rules.Add(Rule(Conditions(instance.Key, index), enter, null));
            }

            var reuse = NewName();
            added.Add(new(reuse, LookupPass(instance.InstanceId, pick)));
            rules.Add(Rule(Conditions(instance.Key, null), reuse, null));
        }

        if (instances.Count > 0)
        {
            added.Add(new(pick, PickChoice(picked, unwrap, keepIndex)));
            added.Add(new(picked, PickedPass()));
        }

        var guard = NewName();
        var choice = new JsonObject
        {
            ["Type"] = "Choice",
            ["Comment"] = $"Added by sfn-resume: in a resumed run, reuse or resume this iteration of '{map.Name}'; otherwise run it as written.",
            ["Choices"] = rules,
            ["Default"] = unwrap,
            ["Assign"] = keepIndex,
        };
        InsertFirst(states, guard, choice, added);
        scope["StartAt"] = guard;
    }

    /// <summary>Each item becomes <c>{"i": index, "v": the item the original Map builds}</c>.</summary>
    private void WrapItems(JsonObject mapObject, MapState map)
    {
        var original = map.EffectiveItemSelector?.DeepClone();
        JsonObject selector;
        if (_jsonata)
        {
            selector = new JsonObject
            {
                ["i"] = "{% $states.context.Map.Item.Index %}",
                ["v"] = original ?? "{% $states.context.Map.Item.Value %}",
            };
        }
        else
        {
            selector = new JsonObject { ["i.$"] = "$$.Map.Item.Index" };
            if (original is null)
            {
                selector["v.$"] = "$$.Map.Item.Value";
            }
            else
            {
                selector["v"] = original;
            }
        }

        mapObject.Remove("Parameters");
        mapObject["ItemSelector"] = selector;
    }

    /// <summary>
    /// Looks the iteration up in the instance's outputs variable: <c>{"o": output}</c> for an iteration that
    /// succeeded, <c>{}</c> for one that never started (it runs from its StartAt).
    /// </summary>
    private JsonObject LookupPass(int instanceId, string pick)
    {
        var pass = new JsonObject { ["Type"] = "Pass", ["Comment"] = "Added by sfn-resume: finds this iteration among the recorded outputs." };
        if (_jsonata)
        {
            pass["Output"] = $"{{% {{'e': $sfnResume_o{instanceId}[$states.input.i], 'i': $states.input.i, 'v': $states.input.v}} %}}";
        }
        else
        {
            pass["Parameters"] = new JsonObject
            {
                ["e.$"] = $"States.ArrayGetItem($sfnResume_o{instanceId}, $.i)",
                ["i.$"] = "$.i",
                ["v.$"] = "$.v",
            };
        }

        pass["Next"] = pick;
        return pass;
    }

    private JsonObject PickChoice(string picked, string unwrap, JsonObject keepIndex)
    {
        JsonObject rule = _jsonata
            ? new JsonObject { ["Condition"] = "{% $exists($states.input.e.o) %}", ["Next"] = picked }
            : new JsonObject { ["Variable"] = "$.e.o", ["IsPresent"] = true, ["Next"] = picked };
        return new JsonObject
        {
            ["Type"] = "Choice",
            ["Comment"] = "Added by sfn-resume: a recorded output is reused; an iteration that never started runs.",
            ["Choices"] = new JsonArray(rule),
            ["Default"] = unwrap,
            ["Assign"] = keepIndex.DeepClone(),
        };
    }

    private JsonObject PickedPass()
    {
        var pass = new JsonObject { ["Type"] = "Pass", ["Comment"] = "Added by sfn-resume: returns the iteration output recorded in the failed run." };
        if (_jsonata)
        {
            pass["Output"] = "{% $states.input.e.o %}";
        }
        else
        {
            pass["OutputPath"] = "$.e.o";
        }

        pass["End"] = true;
        return pass;
    }

    private JsonObject OutputPass(string why, JsonNode? output)
    {
        var pass = new JsonObject { ["Type"] = "Pass", ["Comment"] = "Added by sfn-resume: " + why + "." };
        SetOutput(pass, output);
        pass["End"] = true;
        return pass;
    }

    /// <summary>Sets the resumed state's recorded input and the scope's variables, then continues there.</summary>
    private JsonObject EnterPass(ScopeEntry entry, List<VariableValue> extra)
    {
        var pass = new JsonObject { ["Type"] = "Pass", ["Comment"] = $"Added by sfn-resume: resumes at '{entry.TargetPath}' with its recorded input." };
        SetOutput(pass, entry.Input);
        var assign = new JsonObject();
        foreach (var (name, value) in extra.Concat(entry.Variables))
        {
            SetAssign(assign, name, value);
        }

        if (assign.Count > 0)
        {
            pass["Assign"] = assign;
        }

        pass["Next"] = entry.Target;
        return pass;
    }

    private void SetOutput(JsonObject pass, JsonNode? value)
    {
        if (_jsonata)
        {
            pass["Output"] = Literal(value);
        }
        else
        {
            pass["Result"] = value?.DeepClone();
        }
    }

    /// <summary>
    /// A literal value for Assign or Output. JSONata evaluates every string written <c>{% %}</c>, so values go in
    /// as a JSONata expression whose text is the JSON itself (JSON is valid JSONata literal syntax).
    /// </summary>
    /// <summary>
    /// Adds a variable with a literal value to an Assign. In JSONPath an Assign evaluates every key ending in
    /// <c>.$</c>, even deep inside a value, so a value holding such a key goes in as
    /// <c>States.StringToJson('...')</c> instead (quotes, braces and backslashes escaped, as the intrinsic
    /// syntax asks: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).
    /// </summary>
    private void SetAssign(JsonObject assign, string name, JsonNode? value)
    {
        if (!_jsonata && HasTemplateKey(value))
        {
            var text = value!.ToJsonString()
                .Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("'", "\\'", StringComparison.Ordinal)
                .Replace("{", "\\{", StringComparison.Ordinal)
                .Replace("}", "\\}", StringComparison.Ordinal);
            assign[name + ".$"] = "States.StringToJson('" + text + "')";
            return;
        }

        assign[name] = Literal(value);
    }

    private static bool HasTemplateKey(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => p.Key.EndsWith(".$", StringComparison.Ordinal) || HasTemplateKey(p.Value)),
        JsonArray a => a.Any(HasTemplateKey),
        _ => false,
    };

    /// <remarks>A <c>%}</c> can only occur inside a JSON string, where <c>\u0025</c> spells the same text without ending the expression.</remarks>
    private JsonNode? Literal(JsonNode? value) =>
        _jsonata && value is not null
            ? "{% " + value.ToJsonString().Replace("%}", "\\u0025}", StringComparison.Ordinal) + " %}"
            : value?.DeepClone();

    private List<JsonObject> Conditions(ImmutableArray<IterationKey> key, int? item)
    {
        var parts = new List<JsonObject> { Condition("$" + OnVariable, "BooleanEquals", true) };
        foreach (var (mapState, index) in key)
        {
            parts.Add(Condition("$" + _indexVariables[mapState], "NumericEquals", index));
        }

        if (item is { } i)
        {
            parts.Add(Condition("$.i", "NumericEquals", i));
        }

        return parts;
    }

    private static JsonObject Condition(string variable, string op, JsonNode value) => new() { ["Variable"] = variable, [op] = value };

    private JsonObject Rule(List<JsonObject> parts, string next, JsonNode? assign)
    {
        JsonObject rule;
        if (_jsonata)
        {
            var text = string.Join(" and ", parts.Select(p =>
            {
                var variable = (string)p["Variable"]!;
                var reference = variable.StartsWith("$.", StringComparison.Ordinal) ? "$states.input." + variable[2..] : variable;
                var value = p.First(kv => kv.Key != "Variable").Value!.ToJsonString();
                return $"{reference} = {value}";
            }));
            rule = new JsonObject { ["Condition"] = "{% " + text + " %}" };
        }
        else
        {
            rule = parts.Count == 1 ? parts[0] : new JsonObject { ["And"] = new JsonArray([.. parts]) };
        }

        if (assign is not null)
        {
            rule["Assign"] = assign;
        }

        rule["Next"] = next;
        return rule;
    }

    private static void AddLiteralAssign(JsonObject state, string name, JsonNode value)
    {
        if (state["Assign"] is JsonObject assign)
        {
            assign[name] = value;
        }
        else if (state["Assign"] is null)
        {
            state["Assign"] = new JsonObject { [name] = value };
        }
    }

    private static void InsertFirst(JsonObject states, string guard, JsonObject choice, List<KeyValuePair<string, JsonObject>> added)
    {
        states.Insert(0, guard, choice);
        for (var i = 0; i < added.Count; i++)
        {
            states.Insert(i + 1, added[i].Key, added[i].Value);
        }
    }

    /// <summary>The scope's object in the copy: through <c>States</c>, then <c>Branches[i]</c> or the Map's processor.</summary>
    private JsonObject ScopeObject(StateScope scope)
    {
        var current = _root;
        foreach (var segment in scope.Path)
        {
            var owner = (JsonObject)current["States"]![segment.StateName]!;
            current = (JsonObject)(segment.BranchIndex is { } index ? owner["Branches"]![index]! : owner["ItemProcessor"] ?? owner["Iterator"]!)!;
        }

        return current;
    }

    private JsonObject StateObject(StateDefinition state)
    {
        var scope = _definition.GetScopeOf(state.Name)!;
        var scopeObject = ScopeObject(scope);
        return (JsonObject)scopeObject["States"]![state.Name]!;
    }

    private string NewName()
    {
        while (true)
        {
            var name = _choiceName + "." + _nextName.ToString(CultureInfo.InvariantCulture);
            _nextName++;
            if (_taken.Add(name))
            {
                return name;
            }
        }
    }
}
