using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SfnResume.Resume;

/// <summary>
/// Builds the resumable copy of a state machine: the user's definition with one Choice state in front that
/// jumps to the resume state when the input carries the resume flag and otherwise runs the original flow from
/// the original StartAt. When the failure is inside a Parallel or Map, <see cref="Apply"/> also adds guard
/// states inside the branches and Map processors on the way (see <c>Nested.NestedRewriter</c>); the user's
/// own states keep their names and fields (a rewritten Map's ItemSelector wraps the original one).
/// </summary>
/// <remarks>
/// The seed technique used <c>BooleanEquals false -> StartAt, Default -> failed state</c>, which makes AWS
/// raise States.Runtime when the flag is absent (a Choice rule on a missing path is an error, not false).
/// Guarding with IsPresent first means a normal start of the copy behaves exactly like the original.
/// </remarks>
public static partial class DefinitionRewriter
{
    public const string DefaultChoiceStateName = "GoToState";

    /// <summary>Returns a new definition document; <paramref name="definition"/> is not changed.</summary>
    public static JsonObject AddGoToState(JsonObject definition, string resumeState, string choiceStateName, string flagName, bool jsonata)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var copy = (JsonObject)definition.DeepClone();
        InsertGoToState(copy, resumeState, choiceStateName, flagName, jsonata);
        return copy;
    }

    /// <summary>
    /// Puts the Choice state first in <paramref name="definition"/>'s States and points StartAt at it, in place; every
    /// other member keeps its place.
    /// </summary>
    internal static void InsertGoToState(JsonObject definition, string resumeState, string choiceStateName, string flagName, bool jsonata)
    {
        ValidateFlagName(flagName);
        var originalStart = definition["StartAt"]?.GetValue<string>()
            ?? throw new ResumePlanningException("the definition has no StartAt");
        var states = definition["States"] as JsonObject
            ?? throw new ResumePlanningException("the definition has no States object");

        definition["StartAt"] = choiceStateName;
        states.Insert(0, choiceStateName, BuildChoice(originalStart, resumeState, flagName, jsonata));
    }

    /// <summary>The Choice state's name: <c>GoToState</c>, or the first free <c>GoToState-N</c> when a user state already has it.</summary>
    public static string ChooseStateName(IEnumerable<string> existingStateNames)
    {
        var taken = existingStateNames.ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(DefaultChoiceStateName))
        {
            return DefaultChoiceStateName;
        }

        for (var i = 2; ; i++)
        {
            var candidate = $"{DefaultChoiceStateName}-{i}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    public static void ValidateFlagName(string flagName)
    {
        if (!FlagNamePattern().IsMatch(flagName))
        {
            throw new ResumePlanningException($"flag name '{flagName}' must start with a letter or '_' and hold only letters, digits and '_'");
        }
    }

    private static JsonObject BuildChoice(string originalStart, string resumeState, string flagName, bool jsonata)
    {
        JsonObject rule = jsonata
            ? new JsonObject
            {
                ["Condition"] = $"{{% $states.input.{flagName} = true %}}",
                ["Next"] = resumeState,
            }
            : new JsonObject
            {
                ["And"] = new JsonArray(
                    new JsonObject { ["Variable"] = $"$.{flagName}", ["IsPresent"] = true },
                    new JsonObject { ["Variable"] = $"$.{flagName}", ["BooleanEquals"] = true }),
                ["Next"] = resumeState,
            };

        return new JsonObject
        {
            ["Type"] = "Choice",
            ["Comment"] = $"Added by sfn-resume: with \"{flagName}\": true in the input, start at '{resumeState}'; otherwise run the original flow.",
            ["Choices"] = new JsonArray(rule),
            ["Default"] = originalStart,
        };
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex FlagNamePattern();
}
