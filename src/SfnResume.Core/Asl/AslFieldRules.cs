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

    public static readonly FrozenDictionary<StateType, FrozenSet<string>> StateFields = new Dictionary<StateType, FrozenSet<string>>
    {
        [StateType.Pass] = Common("Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath", "Output", "Assign"),
        [StateType.Task] = Common(
            "Next", "End", "Resource", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Arguments",
            "Output", "Assign", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath",
            "Retry", "Catch", "Credentials"),
        [StateType.Choice] = Common("Choices", "Default", "InputPath", "OutputPath", "Output", "Assign"),
        [StateType.Wait] = Common("Next", "End", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "InputPath", "OutputPath", "Output", "Assign"),
        [StateType.Succeed] = Common("InputPath", "OutputPath", "Output"),
        [StateType.Fail] = Common("Error", "ErrorPath", "Cause", "CausePath"),
        [StateType.Parallel] = Common(
            "Next", "End", "Branches", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Arguments",
            "Output", "Assign", "Retry", "Catch"),
        [StateType.Map] = Common(
            "Next", "End", "ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "Parameters", "ItemReader",
            "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
            "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label",
            "InputPath", "OutputPath", "ResultSelector", "ResultPath", "Output", "Assign", "Retry", "Catch"),
    }.ToFrozenDictionary();

    private static FrozenSet<string> Common(params string[] fields) => Set([.. s_common, .. fields]);

    private static FrozenSet<string> Set(params string[] fields) => fields.ToFrozenSet(StringComparer.Ordinal);
}
