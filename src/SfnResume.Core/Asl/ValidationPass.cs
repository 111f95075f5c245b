using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>
/// One run of the definition checks over the model and its raw JSON, in the order AWS reports them:
/// field-level (schema) problems first; the transition graph is checked only when the fields are sound,
/// since a graph over a half-read definition would report noise.
/// </summary>
internal sealed partial class ValidationPass(StateMachineDefinition definition, AslValidationOptions options, List<AslDiagnostic> diagnostics)
{
    private const int MaxStateNameLength = 80;
    private const decimal MaxSeconds = 99_999_999m;

    private readonly IAslExpressionSyntax _syntax = options.ExpressionSyntax;

    public void Run()
    {
        CheckRoot();
        foreach (var scope in definition.AllScopes)
        {
            if (!scope.IsRoot)
            {
                CheckNestedScope(scope);
            }
        }

        foreach (var location in definition.AllStates)
        {
            CheckState(location.State);
        }

        CheckNames();
        if (diagnostics.Any(d => d.IsError))
        {
            return;
        }

        foreach (var scope in definition.AllScopes)
        {
            CheckGraph(scope);
        }
    }

    private void Report(string code, string message, string? location) =>
        diagnostics.Add(new AslDiagnostic(code, message, location is null ? null : AslLocation.Display(location)));

    private void Schema(string message, string location) => Report(AslDiagnosticCodes.SchemaValidationFailed, message, location);

    private void NotSupported(string field, string location) => Schema($"Field '{field}' is not supported", location);

    private void CheckRoot()
    {
        var raw = definition.Raw;
        foreach (var (field, _) in raw)
        {
            if (!AslFieldRules.RootFields.Contains(field))
            {
                NotSupported(field, "");
            }
        }

        if (definition.Version is { } version && version != "1.0")
        {
            Schema("The field 'Version' should have one of these values: [1.0]", "/Version");
        }

        if (raw.ContainsKey("TimeoutSeconds"))
        {
            CheckInteger(raw["TimeoutSeconds"], "", "TimeoutSeconds", 0, MaxSeconds);
        }

        if (raw["States"] is JsonObject { Count: 0 })
        {
            Schema("Value cannot be empty", "/States");
        }
    }

    private void CheckNestedScope(StateScope scope)
    {
        var raw = scope.Raw;
        // Map processors (ItemProcessor and the older Iterator alike) may carry ProcessorConfig.
        var allowed = scope.Path[^1].BranchIndex is null ? AslFieldRules.ProcessorFields : AslFieldRules.BranchFields;
        foreach (var (field, _) in raw)
        {
            if (!allowed.Contains(field))
            {
                NotSupported(field, scope.Pointer);
            }
        }

        var missing = new List<string>(2);
        if (!raw.ContainsKey("States"))
        {
            missing.Add("States");
        }

        if (!raw.ContainsKey("StartAt"))
        {
            missing.Add("StartAt");
        }

        if (missing.Count > 0)
        {
            Schema($"These fields are required: [{string.Join(", ", missing)}]", scope.Pointer);
        }

        if (raw["States"] is JsonObject { Count: 0 })
        {
            Schema("Value cannot be empty", AslLocation.Append(scope.Pointer, "States"));
        }

        if (raw["ProcessorConfig"] is JsonObject config)
        {
            foreach (var (field, _) in config)
            {
                if (!AslFieldRules.ProcessorConfigFields.Contains(field))
                {
                    NotSupported(field, AslLocation.Append(scope.Pointer, "ProcessorConfig"));
                }
            }
        }
    }

    private void CheckNames()
    {
        var seen = new HashSet<string>(definition.AllStates.Length, StringComparer.Ordinal);
        foreach (var location in definition.AllStates)
        {
            var state = location.State;
            if (!seen.Add(state.Name))
            {
                Report(AslDiagnosticCodes.DuplicateStateName, $"Duplicate State name: {state.Name}", state.Pointer);
            }

            if (state.Name.Length > MaxStateNameLength)
            {
                Report(AslDiagnosticCodes.InvalidStateName, $"State name '{state.Name}' is longer than {MaxStateNameLength} characters", state.Pointer);
            }
            else if (state.Name.Length == 0)
            {
                Report(AslDiagnosticCodes.InvalidStateName, "State name cannot be empty", state.Pointer);
            }
        }
    }

    /// <summary>
    /// Checks an integer field (<paramref name="field"/> of the object at <paramref name="parent"/>): present
    /// values must be whole numbers within [min, max]. The location string is only built for a problem.
    /// </summary>
    private bool CheckInteger(JsonNode? node, string parent, string field, decimal min, decimal max) =>
        CheckNumeric(node, parent, field, min, max, integer: true);

    private bool CheckNumber(JsonNode? node, string parent, string field, decimal min, decimal max) =>
        CheckNumeric(node, parent, field, min, max, integer: false);

    private bool CheckNumeric(JsonNode? node, string parent, string field, decimal min, decimal max, bool integer)
    {
        string? problem = null;
        if (!AslFieldReader.TryNumber(node, out var value))
        {
            problem = integer ? "Value must be an integer" : "Value must be a number";
        }
        else if (integer && decimal.Truncate(value) != value)
        {
            problem = "Value must be an integer";
        }
        else if (value < min)
        {
            problem = "Value must be at least " + min.ToString(CultureInfo.InvariantCulture);
        }
        else if (value > max)
        {
            problem = "Value must be at most " + max.ToString(CultureInfo.InvariantCulture);
        }

        if (problem is null)
        {
            return true;
        }

        Schema(problem, AslLocation.Append(parent, field));
        return false;
    }

    private static bool IsString(JsonNode? node) => AslFieldReader.KindOf(node) == JsonValueKind.String;
}
