using System.Globalization;

namespace SfnResume.Api;

/// <summary>Partition, region and account that ARNs are built in.</summary>
public sealed record ArnScope(string Partition, string Region, string AccountId)
{
    /// <summary>The scope of the local engine when nothing else is configured.</summary>
    public static ArnScope Local { get; } = new("aws", "us-east-1", "123456789012");

    internal string Prefix => $"arn:{Partition}:states:{Region}:{AccountId}:";
}

/// <summary>What a Step Functions ARN names.</summary>
public enum SfnArnKind
{
    StateMachine,
    StateMachineVersion,
    StateMachineAlias,

    /// <summary><c>...:stateMachine:name/mapLabel</c>, the "state machine" of a Distributed Map.</summary>
    LabelledStateMachine,
    Execution,
    ExpressExecution,
    MapRun,
    Activity,
}

/// <summary>
/// A parsed Step Functions ARN (api-protocol.md section 4). <see cref="Name"/> is the state machine's name (or
/// the activity's); the other members are set for the kinds that have them.
/// </summary>
public sealed record SfnArn(string Text, ArnScope Scope, SfnArnKind Kind, string Name)
{
    /// <summary>Version number of a version ARN.</summary>
    public int? Version { get; init; }

    /// <summary>Alias name of an alias ARN.</summary>
    public string? Alias { get; init; }

    /// <summary>Distributed Map label of a labelled state machine, map run or map child execution.</summary>
    public string? Label { get; init; }

    /// <summary>Execution name of an execution or express execution ARN.</summary>
    public string? ExecutionName { get; init; }

    /// <summary>The id AWS appends to express execution and map run ARNs.</summary>
    public string? Id { get; init; }

    /// <summary>The unqualified state machine ARN this ARN belongs to (for an activity: the activity ARN).</summary>
    public string StateMachineArn => Kind == SfnArnKind.Activity ? Text : Arns.StateMachine(Scope, Name);

    public override string ToString() => Text;
}

/// <summary>Builds and parses Step Functions ARNs; parse failures are AWS's <c>InvalidArn</c> errors.</summary>
public static class Arns
{
    public static string StateMachine(ArnScope scope, string name) => Of(scope).Prefix + "stateMachine:" + name;

    public static string StateMachineVersion(ArnScope scope, string name, int version) =>
        StateMachine(scope, name) + ":" + version.ToString(CultureInfo.InvariantCulture);

    public static string StateMachineAlias(ArnScope scope, string name, string alias) => StateMachine(scope, name) + ":" + alias;

    public static string Execution(ArnScope scope, string stateMachineName, string executionName) =>
        Of(scope).Prefix + "execution:" + stateMachineName + ":" + executionName;

    public static string ExpressExecution(ArnScope scope, string stateMachineName, string executionName, string id) =>
        Of(scope).Prefix + "express:" + stateMachineName + ":" + executionName + ":" + id;

    public static string MapRun(ArnScope scope, string stateMachineName, string label, string id) =>
        Of(scope).Prefix + "mapRun:" + stateMachineName + "/" + label + ":" + id;

    /// <summary>A Standard child execution of a Distributed Map run (form unconfirmed, api-protocol.md section 4).</summary>
    public static string MapRunChildExecution(ArnScope scope, string stateMachineName, string label, string childName) =>
        Execution(scope, stateMachineName + "/" + label, childName);

    public static string Activity(ArnScope scope, string name) => Of(scope).Prefix + "activity:" + name;

    /// <summary>The execution ARN for an execution of <paramref name="stateMachine"/> (any qualifier dropped).</summary>
    public static string ExecutionOf(SfnArn stateMachine, string executionName)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        return Execution(stateMachine.Scope, stateMachine.Name, executionName);
    }

    public static bool TryParse(string? value, out SfnArn arn)
    {
        arn = null!;
        if (value is null || !value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value.Split(':');
        if (parts.Length < 7 || parts[2] != "states" || parts[1].Length == 0 || parts[3].Length == 0 || parts[4].Length == 0)
        {
            return false;
        }

        var scope = new ArnScope(parts[1], parts[3], parts[4]);
        var rest = parts.AsSpan(6);
        if (rest.ToArray().Any(p => p.Length == 0))
        {
            return false;
        }

        SfnArn? parsed = parts[5] switch
        {
            "stateMachine" => ParseStateMachine(value, scope, rest),
            "execution" when rest.Length == 2 => ExecutionArn(value, scope, rest[0], rest[1]),
            "express" when rest.Length == 3 && !rest[0].Contains('/', StringComparison.Ordinal) =>
                new SfnArn(value, scope, SfnArnKind.ExpressExecution, rest[0]) { ExecutionName = rest[1], Id = rest[2] },
            "mapRun" when rest.Length == 2 && SplitLabel(rest[0]) is ({ } sm, { } label) =>
                new SfnArn(value, scope, SfnArnKind.MapRun, sm) { Label = label, Id = rest[1] },
            "activity" when rest.Length == 1 => new SfnArn(value, scope, SfnArnKind.Activity, rest[0]),
            _ => null,
        };
        if (parsed is null)
        {
            return false;
        }

        arn = parsed;
        return true;
    }

    /// <summary>Parses any Step Functions ARN or throws <c>Invalid Arn: 'Invalid ARN prefix: value'</c>.</summary>
    public static SfnArn Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var arn) ? arn : throw SfnServiceException.InvalidArnPrefix(value);
    }

    /// <summary>
    /// A state machine ARN as StartExecution, DescribeStateMachine ... accept: plain, version or alias. A
    /// labelled (Distributed Map) ARN is a ValidationException; other resource types are InvalidArn.
    /// </summary>
    public static SfnArn ParseStateMachine(string value, bool allowQualified = true)
    {
        var arn = Parse(value);
        return arn.Kind switch
        {
            SfnArnKind.StateMachine => arn,
            SfnArnKind.StateMachineVersion or SfnArnKind.StateMachineAlias when allowQualified => arn,
            SfnArnKind.StateMachineVersion or SfnArnKind.StateMachineAlias => throw SfnServiceException.InvalidArn(
                "Qualified state machine ARN not valid in this context: " + value),
            SfnArnKind.LabelledStateMachine => throw SfnServiceException.ValidationMessage(
                "This API does not support labeled ARNs.", "API_DOES_NOT_SUPPORT_LABELED_ARNS"),
            _ => throw SfnServiceException.InvalidArnResourceType(ResourceType(arn.Kind)),
        };
    }

    /// <summary>A Standard execution ARN; an express one gives <c>Resource type not valid in this context: express</c>.</summary>
    public static SfnArn ParseExecution(string value)
    {
        var arn = Parse(value);
        return arn.Kind == SfnArnKind.Execution ? arn : throw SfnServiceException.InvalidArnResourceType(ResourceType(arn.Kind));
    }

    public static SfnArn ParseActivity(string value)
    {
        var arn = Parse(value);
        return arn.Kind == SfnArnKind.Activity ? arn : throw SfnServiceException.InvalidArnResourceType(ResourceType(arn.Kind));
    }

    public static SfnArn ParseMapRun(string value)
    {
        var arn = Parse(value);
        return arn.Kind == SfnArnKind.MapRun ? arn : throw SfnServiceException.InvalidArnResourceType(ResourceType(arn.Kind));
    }

    /// <summary>A resource that takes tags: a state machine (any qualifier) or an activity.</summary>
    public static SfnArn ParseTaggable(string value)
    {
        var arn = Parse(value);
        return arn.Kind is SfnArnKind.StateMachine or SfnArnKind.StateMachineVersion or SfnArnKind.StateMachineAlias
            or SfnArnKind.Activity
            ? arn
            : throw SfnServiceException.InvalidArnResourceType(ResourceType(arn.Kind));
    }

    /// <summary>The resource type segment as it appears in the ARN.</summary>
    public static string ResourceType(SfnArnKind kind) => kind switch
    {
        SfnArnKind.Execution => "execution",
        SfnArnKind.ExpressExecution => "express",
        SfnArnKind.MapRun => "mapRun",
        SfnArnKind.Activity => "activity",
        _ => "stateMachine",
    };

    private static SfnArn? ParseStateMachine(string text, ArnScope scope, ReadOnlySpan<string> rest)
    {
        if (rest.Length == 1)
        {
            return SplitLabel(rest[0]) is ({ } sm, { } label)
                ? new SfnArn(text, scope, SfnArnKind.LabelledStateMachine, sm) { Label = label }
                : rest[0].Contains('/', StringComparison.Ordinal) ? null : new SfnArn(text, scope, SfnArnKind.StateMachine, rest[0]);
        }

        if (rest.Length != 2 || rest[0].Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        var qualifier = rest[1];
        if (qualifier.All(char.IsAsciiDigit))
        {
            return int.TryParse(qualifier, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
                ? new SfnArn(text, scope, SfnArnKind.StateMachineVersion, rest[0]) { Version = version }
                : null;
        }

        return new SfnArn(text, scope, SfnArnKind.StateMachineAlias, rest[0]) { Alias = qualifier };
    }

    private static SfnArn? ExecutionArn(string text, ArnScope scope, string machine, string execution)
    {
        if (SplitLabel(machine) is ({ } sm, { } label))
        {
            return new SfnArn(text, scope, SfnArnKind.Execution, sm) { Label = label, ExecutionName = execution };
        }

        return machine.Contains('/', StringComparison.Ordinal)
            ? null
            : new SfnArn(text, scope, SfnArnKind.Execution, machine) { ExecutionName = execution };
    }

    private static (string? Machine, string? Label) SplitLabel(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < value.Length - 1 && value.IndexOf('/', slash + 1) < 0
            ? (value[..slash], value[(slash + 1)..])
            : (null, null);
    }

    private static ArnScope Of(ArnScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope;
    }
}
