using System.Globalization;

namespace SfnResume.Core.Errors;

/// <summary>
/// Cause texts as AWS records them (collected from recorded executions in the conformance corpus).
/// Texts that no recording confirms are marked so in their summary.
/// </summary>
public static class StatesCauses
{
    /// <summary>
    /// The prefix AWS puts before every data-flow failure: "An error occurred while executing the state
    /// 'X' (entered at the event id #2). " followed by <paramref name="detail"/>.
    /// </summary>
    public static string InState(string stateName, long enteredEventId, string detail) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"An error occurred while executing the state '{stateName}' (entered at the event id #{enteredEventId}). {detail}");

    /// <summary>InputPath/OutputPath (and other whole-value paths) that fail: "Invalid path '$.x' : No results for path: $['x']".</summary>
    public static string InvalidPath(string path, string reason) => "Invalid path '" + path + "' : " + reason;

    /// <summary>A <c>.$</c> field of a payload template whose path selects nothing.</summary>
    public static string FieldPathNotFound(string path, string field, string inputJson) =>
        "The JSONPath '" + path + "' specified for the field '" + field + "' could not be found in the input '" + inputJson + "'";

    /// <summary>A ResultPath that crosses a value which is not an object (text not confirmed by a recording).</summary>
    public static string ResultPathNotApplicable(string step, string inputJson) =>
        "Unable to apply step \"" + step + "\" to input " + inputJson;

    /// <summary>A path argument of an intrinsic call that selects nothing (wording seen in AWS reports, not in a recording).</summary>
    public static string IntrinsicPathNotFound(string path, string inputJson) =>
        "The JsonPath argument for the field '" + path + "' could not be found in the input '" + inputJson + "'";

    /// <summary>An intrinsic call whose arguments are invalid (text not confirmed by a recording).</summary>
    public static string IntrinsicFailed(string function, string detail) =>
        "The intrinsic function " + function + " failed: " + detail;
}
