using System.Collections.Frozen;

namespace SfnResume.Core.Asl;

/// <summary>
/// Which fields each state type accepts and which belong to one query language only
/// (https://states-language.net/#state-type-table, https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
/// </summary>
internal static class AslFieldRules
{
    public static readonly FrozenSet<string> RootFields = Set("Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage");

    public static readonly FrozenSet<string> BranchFields = Set("Comment", "StartAt", "States");

    public static readonly FrozenSet<string> ProcessorFields = Set("Comment", "StartAt", "States", "ProcessorConfig");

    public static readonly FrozenSet<string> ProcessorConfigFields = Set("Mode", "ExecutionType");

    public static readonly FrozenSet<string> RetrierFields = Set("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");

    public static readonly FrozenSet<string> CatcherFields = Set("ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment");

    /// <summary>Fields only JSONPath states may use.</summary>
    public static readonly FrozenSet<string> JsonPathOnly = Set(
        "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Result", "ItemsPath",
        "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
        "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "Variable");

    /// <summary>Fields only JSONata states may use.</summary>
    public static readonly FrozenSet<string> JsonataOnly = Set("Arguments", "Output", "Items", "Condition");

    private static readonly string[] s_common = ["Type", "Comment", "QueryLanguage"];

    /// <summary>
    /// The fields each state type accepts, indexed by <see cref="StateType"/>: an array, as a frozen dictionary keyed
    /// by an enum is framework generic code the JIT compiles at start-up.
    /// </summary>
    public static readonly FrozenSet<string>[] StateFields = BuildStateFields();

    private static FrozenSet<string>[] BuildStateFields()
    {
        var fields = new FrozenSet<string>[(int)StateType.Map + 1];
        fields[(int)StateType.Pass] = Common("Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath", "Output", "Assign");
        fields[(int)StateType.Task] = Common(
            "Next", "End", "Resource", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Arguments",
            "Output", "Assign", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath",
            "Retry", "Catch", "Credentials");
        fields[(int)StateType.Choice] = Common("Choices", "Default", "InputPath", "OutputPath", "Output", "Assign");
        fields[(int)StateType.Wait] = Common("Next", "End", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "InputPath", "OutputPath", "Output", "Assign");
        fields[(int)StateType.Succeed] = Common("InputPath", "OutputPath", "Output");
        fields[(int)StateType.Fail] = Common("Error", "ErrorPath", "Cause", "CausePath");
        fields[(int)StateType.Parallel] = Common(
            "Next", "End", "Branches", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Arguments",
            "Output", "Assign", "Retry", "Catch");
        fields[(int)StateType.Map] = Common(
            "Next", "End", "ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "Parameters", "ItemReader",
            "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
            "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label",
            "InputPath", "OutputPath", "ResultSelector", "ResultPath", "Output", "Assign", "Retry", "Catch");
        return fields;
    }

    private static FrozenSet<string> Common(params string[] fields) => Set([.. s_common, .. fields]);

    private static FrozenSet<string> Set(params string[] fields) => fields.ToFrozenSet(StringComparer.Ordinal);
}
