namespace SfnResume.Core.Asl;

/// <summary>The expression language of a state: <c>JSONPath</c> (the default) or <c>JSONata</c>.</summary>
public enum QueryLanguage
{
    JsonPath,
    Jsonata,
}

/// <summary>The <c>Type</c> of a state.</summary>
public enum StateType
{
    Pass,
    Task,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}
