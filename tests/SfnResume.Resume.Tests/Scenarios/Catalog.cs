namespace SfnResume.Resume.Tests.Scenarios;

/// <summary>
/// The scenario state machines. <c>fn:name</c> stands for the ARN of one of the <see cref="Lambdas"/>. Each fails on its
/// first run and is repaired by a patch, by fixed handlers, or by a fixed definition.
/// </summary>
internal static partial class Catalog
{
    /// <summary>Scenario definitions write <c>"fn:name"</c> for the ARN of a function of <see cref="Lambdas"/>.</summary>
    public static string Expand(string definition) =>
        definition.Replace("\"fn:", "\"arn:aws:lambda:us-east-1:123456789012:function:", StringComparison.Ordinal);

    public static IEnumerable<Scenario> All() => [.. TopLevel(), .. Parallels(), .. Maps(), .. Nested(), .. Variables()];

    private static IEnumerable<Scenario> TopLevel() =>
    [
        new("top-task-missing-key",
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"fn:double","ResultPath":"$.d","Next":"B"},"B":{"Type":"Task","Resource":"fn:needKey","ResultPath":"$.b","Next":"C"},"C":{"Type":"Task","Resource":"fn:echo","End":true}}}""",
            """{"n":4}""") { Patch = """{"key":"k1"}""" },
        new("top-retry-exhausted",
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"fn:double","ResultPath":"$.d","Next":"B"},"B":{"Type":"Task","Resource":"fn:broken","ResultPath":"$.b","Retry":[{"ErrorEquals":["Broken"],"MaxAttempts":2,"IntervalSeconds":1}],"End":true}}}""",
            """{"n":1}""") { FixHandlers = true },
        new("top-failure-after-catch",
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"fn:broken","Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Handle"}],"Next":"B"},"Handle":{"Type":"Pass","Result":"handled","ResultPath":"$.h","Next":"B"},"B":{"Type":"Task","Resource":"fn:needKey","ResultPath":"$.b","End":true}}}""",
            """{"n":1}""") { Patch = """{"key":"k2"}""" },
        new("top-catch-then-fail",
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"fn:double","ResultPath":"$.d","Next":"B"},"B":{"Type":"Task","Resource":"fn:broken","ResultPath":"$.b","Catch":[{"ErrorEquals":["States.ALL"],"Next":"GiveUp"}],"End":true},"GiveUp":{"Type":"Fail","Error":"GaveUp"}}}""",
            """{"n":3}""") { FixHandlers = true },
        new("top-wait-before-failure",
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"fn:double","ResultPath":"$.d","Next":"W"},"W":{"Type":"Wait","Seconds":3600,"Next":"B"},"B":{"Type":"Task","Resource":"fn:needKey","ResultPath":"$.b","End":true}}}""",
            """{"n":5}""") { Patch = """{"key":"k3"}""" },
        new("top-choice-loop",
            """
            {"StartAt":"Init","States":{
              "Init":{"Type":"Pass","Assign":{"count":0},"Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$count","NumericLessThan":3,"Next":"Step"}],"Default":"Final"},
              "Step":{"Type":"Task","Resource":"fn:double","Parameters":{"n.$":"$count"},"ResultPath":"$.last","Next":"Inc"},
              "Inc":{"Type":"Pass","Assign":{"count.$":"States.MathAdd($count, 1)"},"Next":"Check"},
              "Final":{"Type":"Task","Resource":"fn:needKey","ResultPath":"$.f","Next":"Report"},
              "Report":{"Type":"Pass","Parameters":{"count.$":"$count","all.$":"$"},"End":true}}}
            """,
            """{"start":true}""") { Patch = """{"key":"k4"}""" },
        new("top-definition-fixed",
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"fn:double","ResultPath":"$.d","Next":"B"},"B":{"Type":"Task","Resource":"fn:needKey","Parameters":{"key.$":"$.wrongField"},"ResultPath":"$.b","End":true}}}""",
            """{"n":6,"key":"real"}""")
        {
            FixedDefinition = """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"fn:double","ResultPath":"$.d","Next":"B"},"B":{"Type":"Task","Resource":"fn:needKey","Parameters":{"key.$":"$.key"},"ResultPath":"$.b","End":true}}}""",
        },
        new("top-lambda-invoke-payload",
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"double","Payload.$":"$"},"ResultSelector":{"v.$":"$.Payload"},"ResultPath":"$.a","Next":"B"},"B":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"broken","Payload.$":"$"},"ResultSelector":{"v.$":"$.Payload"},"ResultPath":"$.b","End":true}}}""",
            """{"n":7}""") { FixHandlers = true },
    ];
}
