namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>What a path starts from.</summary>
public enum JsonPathRoot
{
    /// <summary><c>$</c>: the state's (effective) input.</summary>
    Input,

    /// <summary><c>$$</c>: the context object.</summary>
    Context,

    /// <summary><c>$name</c>: a workflow variable (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html).</summary>
    Variable,
}
