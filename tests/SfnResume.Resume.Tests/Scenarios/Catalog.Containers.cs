namespace SfnResume.Resume.Tests.Scenarios;

internal static partial class Catalog
{
    private static IEnumerable<Scenario> Parallels() =>
    [
        new("parallel-one-of-three-fails",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"After","Branches":[
              {"StartAt":"B0","States":{"B0":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"B1","States":{"B1":{"Type":"Task","Resource":"fn:broken","End":true}}},
              {"StartAt":"B2","States":{"B2":{"Type":"Task","Resource":"fn:echo","Parameters":{"n.$":"$.n"},"End":true}}}]},
             "After":{"Type":"Pass","Parameters":{"results.$":"$"},"End":true}}}
            """,
            """{"n":2}""") { FixHandlers = true },
        new("parallel-waits-then-failure-in-first-branch",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"W0","States":{"W0":{"Type":"Wait","Seconds":5,"Next":"B0"},"B0":{"Type":"Task","Resource":"fn:broken","End":true}}},
              {"StartAt":"B1","States":{"B1":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"W2","States":{"W2":{"Type":"Wait","Seconds":30,"Next":"B2"},"B2":{"Type":"Task","Resource":"fn:echo","End":true}}}]}}}
            """,
            """{"n":3}""") { FixHandlers = true },
        new("parallel-two-broken-branches-after-waits",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"V0","States":{"V0":{"Type":"Wait","Seconds":5,"Next":"T0"},"T0":{"Type":"Task","Resource":"fn:broken","End":true}}},
              {"StartAt":"T1","States":{"T1":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"V2","States":{"V2":{"Type":"Wait","Seconds":5,"Next":"T2"},"T2":{"Type":"Task","Resource":"fn:broken","End":true}}}]}}}
            """,
            """{"n":4}""") { FixHandlers = true },
        new("parallel-two-branches-fail-while-running",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"L0","States":{"L0":{"Type":"Task","Resource":"fn:lateBroken","End":true}}},
              {"StartAt":"L1","States":{"L1":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"L2","States":{"L2":{"Type":"Task","Resource":"fn:lateBroken","End":true}}}]}}}
            """,
            """{"n":6}""") { FixHandlers = true },
        new("parallel-second-state-in-branch",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"ResultPath":"$.r","Branches":[
              {"StartAt":"X0","States":{"X0":{"Type":"Task","Resource":"fn:double","ResultPath":"$.d","Next":"X1"},"X1":{"Type":"Task","Resource":"fn:needKey","ResultPath":"$.k","End":true}}},
              {"StartAt":"Y0","States":{"Y0":{"Type":"Pass","Result":{"fixed":1},"End":true}}}]}}}
            """,
            """{"n":4}""") { Patch = """{"key":"pk"}""", CleanInput = """{"n":4,"key":"pk"}""" },
        new("parallel-paths-and-selectors",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","InputPath":"$.data","Parameters":{"n.$":"$.n","tag":"t"},"ResultSelector":{"first.$":"$[0]","second.$":"$[1]"},"ResultPath":"$.data.out","OutputPath":"$.data","End":true,"Branches":[
              {"StartAt":"C0","States":{"C0":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"C1","States":{"C1":{"Type":"Task","Resource":"fn:broken","End":true}}}]}}}
            """,
            """{"data":{"n":9},"other":1}""") { FixHandlers = true },
        new("parallel-catch-then-fail-in-branch",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"D0","States":{"D0":{"Type":"Task","Resource":"fn:broken","Catch":[{"ErrorEquals":["States.ALL"],"Next":"D1"}],"End":true},"D1":{"Type":"Fail","Error":"Nope"}}},
              {"StartAt":"E0","States":{"E0":{"Type":"Task","Resource":"fn:double","End":true}}}]}}}
            """,
            """{"n":5}""") { FixHandlers = true },
        new("parallel-with-retry-on-the-parallel",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Retry":[{"ErrorEquals":["Broken"],"MaxAttempts":1,"IntervalSeconds":2}],"Branches":[
              {"StartAt":"F0","States":{"F0":{"Type":"Task","Resource":"fn:broken","End":true}}},
              {"StartAt":"G0","States":{"G0":{"Type":"Task","Resource":"fn:double","End":true}}}]}}}
            """,
            """{"n":6}""") { FixHandlers = true },
        new("parallel-choice-inside-branch",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"H0","States":{"H0":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":1,"Next":"H1"}],"Default":"H2"},"H1":{"Type":"Task","Resource":"fn:broken","End":true},"H2":{"Type":"Succeed"}}},
              {"StartAt":"I0","States":{"I0":{"Type":"Task","Resource":"fn:double","Next":"I1"},"I1":{"Type":"Succeed"}}}]}}}
            """,
            """{"n":7}""") { FixHandlers = true },
        new("parallel-in-parallel",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"J0","States":{"J0":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"Q","States":{"Q":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"K0","States":{"K0":{"Type":"Task","Resource":"fn:echo","End":true}}},{"StartAt":"K1","States":{"K1":{"Type":"Task","Resource":"fn:broken","End":true}}}]}}}]}}}
            """,
            """{"n":8}""") { FixHandlers = true },
    ];

    private static IEnumerable<Scenario> Maps() =>
    [
        new("map-serial-one-failure",
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"ItemProcessor":{"StartAt":"Pk","States":{"Pk":{"Type":"Task","Resource":"fn:picky","End":true}}},"End":true}}}""",
            """{"items":[{"n":1},{"n":2},{"n":3},{"n":4},{"n":5}]}""") { FixHandlers = true },
        new("map-concurrent-two-failures",
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Pk","States":{"Pk":{"Type":"Task","Resource":"fn:picky","End":true}}},"End":true}}}""",
            """{"items":[{"n":1},{"n":2},{"n":3},{"n":4},{"n":5},{"n":6},{"n":7},{"n":8},{"n":9},{"n":10},{"n":11}]}""") { FixHandlers = true },
        new("map-item-selector-and-result-path",
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.data.items","ItemSelector":{"n.$":"$$.Map.Item.Value","pos.$":"$$.Map.Item.Index","label.$":"$.label"},"ResultSelector":{"all.$":"$"},"ResultPath":"$.data.results","ItemProcessor":{"StartAt":"Pk","States":{"Pk":{"Type":"Task","Resource":"fn:picky","End":true}}},"Next":"Done"},"Done":{"Type":"Pass","End":true}}}""",
            """{"label":"x","data":{"items":[1,2,3,4,10]}}""") { FixHandlers = true },
        new("map-legacy-iterator-parameters",
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","Parameters":{"n.$":"$$.Map.Item.Value"},"Iterator":{"StartAt":"Pk","States":{"Pk":{"Type":"Task","Resource":"fn:picky","End":true}}},"End":true}}}""",
            """{"items":[3,4,5]}""") { FixHandlers = true },
        new("map-second-state-in-iteration",
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ItemProcessor":{"StartAt":"A1","States":{"A1":{"Type":"Task","Resource":"fn:echo","Next":"A2"},"A2":{"Type":"Task","Resource":"fn:picky","ResultPath":"$.p","End":true}}},"End":true}}}""",
            """{"items":[{"n":2},{"n":3},{"n":4}]}""") { FixHandlers = true },
        new("map-patched-items",
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"ItemProcessor":{"StartAt":"Nk","States":{"Nk":{"Type":"Task","Resource":"fn:needKey","End":true}}},"End":true}}}""",
            """{"items":[{"key":"a"},{"nokey":1},{"key":"c"}]}""")
        {
            Patch = """{"key":"b"}""",
            CleanInput = """{"items":[{"key":"a"},{"nokey":1,"key":"b"},{"key":"c"}],"key":"b"}""",
        },
        new("map-10000-items-3-failures",
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":3,"ItemSelector":{"n.$":"$$.Map.Item.Value"},"ItemProcessor":{"StartAt":"R","States":{"R":{"Type":"Task","Resource":"fn:rare","End":true}}},"Next":"Count"},"Count":{"Type":"Pass","Parameters":{"count.$":"States.ArrayLength($)","last.$":"States.ArrayGetItem($, 9999)"},"End":true}}}""",
            Items10000()) { FixHandlers = true, Unbounded = true },
    ];

    private static IEnumerable<Scenario> Nested() =>
    [
        new("nested-parallel-in-map-in-parallel",
            """
            {"StartAt":"Outer","States":{"Outer":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"O0","States":{"O0":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"In","States":{"In":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"Ia","States":{"Ia":{"Type":"Task","Resource":"fn:picky","End":true}}},{"StartAt":"Ib","States":{"Ib":{"Type":"Task","Resource":"fn:echo","End":true}}}]}}}}}}]}}}
            """,
            """{"n":1,"items":[{"n":1},{"n":2},{"n":3},{"n":4}]}""") { FixHandlers = true },
        new("nested-map-in-map",
            """{"StartAt":"Rows","States":{"Rows":{"Type":"Map","ItemsPath":"$.rows","End":true,"ItemProcessor":{"StartAt":"Cols","States":{"Cols":{"Type":"Map","ItemsPath":"$.cols","End":true,"ItemProcessor":{"StartAt":"Cell","States":{"Cell":{"Type":"Task","Resource":"fn:picky","End":true}}}}}}}}}""",
            """{"rows":[{"cols":[{"n":1},{"n":2}]},{"cols":[{"n":3},{"n":4}]},{"cols":[{"n":5},{"n":10}]}]}""") { FixHandlers = true },
        new("nested-map-in-map-concurrent",
            """{"StartAt":"Rows","States":{"Rows":{"Type":"Map","ItemsPath":"$.rows","End":true,"ItemProcessor":{"StartAt":"Cols","States":{"Cols":{"Type":"Map","ItemsPath":"$.cols","End":true,"ItemProcessor":{"StartAt":"Cell","States":{"Cell":{"Type":"Task","Resource":"fn:picky","End":true}}}}}}}}}""",
            """{"rows":[{"cols":[{"n":1},{"n":3}]},{"cols":[{"n":4},{"n":10}]},{"cols":[{"n":17},{"n":5}]}]}""") { FixHandlers = true },
        new("nested-map-in-parallel-branch",
            """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"S0","States":{"S0":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{"StartAt":"Pk","States":{"Pk":{"Type":"Task","Resource":"fn:picky","End":true}}}}}}]}}}
            """,
            """{"n":2,"items":[{"n":2},{"n":3}]}""") { FixHandlers = true },
        new("nested-parallel-in-map",
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"Q","States":{"Q":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"Qa","States":{"Qa":{"Type":"Task","Resource":"fn:double","End":true}}},{"StartAt":"Qb","States":{"Qb":{"Type":"Task","Resource":"fn:picky","End":true}}}]}}}}}}""",
            """{"items":[{"n":1},{"n":3},{"n":5}]}""") { FixHandlers = true },
        new("nested-three-levels-then-top-state",
            """
            {"StartAt":"Prep","States":{"Prep":{"Type":"Task","Resource":"fn:echo","Next":"Outer"},"Outer":{"Type":"Map","ItemsPath":"$.groups","MaxConcurrency":1,"Next":"Sum","ItemProcessor":{"StartAt":"Mid","States":{"Mid":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"Left","States":{"Left":{"Type":"Task","Resource":"fn:echo","End":true}}},{"StartAt":"Inner","States":{"Inner":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{"StartAt":"Leaf","States":{"Leaf":{"Type":"Task","Resource":"fn:picky","End":true}}}}}}]}}}},
             "Sum":{"Type":"Pass","Parameters":{"groups.$":"States.ArrayLength($)"},"End":true}}}
            """,
            """{"groups":[{"items":[{"n":1},{"n":2}]},{"items":[{"n":3},{"n":4}]},{"items":[{"n":5}]}]}""") { FixHandlers = true },
    ];

    private static IEnumerable<Scenario> Variables() =>
    [
        new("variables-before-and-inside-parallel",
            """
            {"StartAt":"Setup","States":{"Setup":{"Type":"Pass","Assign":{"region":"eu","tries":2},"Next":"P"},
             "P":{"Type":"Parallel","Next":"Report","Branches":[
              {"StartAt":"V0","States":{"V0":{"Type":"Pass","Assign":{"local":5},"Next":"V1"},"V1":{"Type":"Task","Resource":"fn:needKey","Parameters":{"key.$":"$.key","r.$":"$region"},"Next":"V2"},"V2":{"Type":"Pass","Parameters":{"out.$":"$","r.$":"$region","l.$":"$local"},"End":true}}},
              {"StartAt":"W0","States":{"W0":{"Type":"Pass","Parameters":{"r.$":"$region","t.$":"$tries"},"End":true}}}]},
             "Report":{"Type":"Pass","Parameters":{"res.$":"$","region.$":"$region"},"End":true}}}
            """,
            """{"n":1}""") { Patch = """{"key":"vk"}""" },
        new("variables-inside-map-iteration",
            """
            {"StartAt":"Setup","States":{"Setup":{"Type":"Pass","Assign":{"factor":3},"Next":"M"},
             "M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"mine.$":"$.n"},"Next":"B"},"B":{"Type":"Task","Resource":"fn:picky","Next":"C"},"C":{"Type":"Pass","Parameters":{"r.$":"$","mine.$":"$mine","f.$":"$factor"},"End":true}}}}}}
            """,
            """{"items":[{"n":2},{"n":3},{"n":4}]}""") { FixHandlers = true },
        new("variables-assigned-by-task-and-catch",
            """
            {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"fn:double","Assign":{"doubled.$":"$"},"ResultPath":"$.d","Next":"B"},
             "B":{"Type":"Task","Resource":"fn:broken","Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"caught":true},"ResultPath":"$.e","Next":"C"}],"Next":"C"},
             "C":{"Type":"Task","Resource":"fn:needKey","ResultPath":"$.c","Next":"D"},
             "D":{"Type":"Pass","Parameters":{"doubled.$":"$doubled","caught.$":"$caught","c.$":"$.c"},"End":true}}}
            """,
            """{"n":4}""") { Patch = """{"key":"ck"}""" },
        new("variables-holding-template-like-keys",
            """
            {"StartAt":"Keep","States":{"Keep":{"Type":"Pass","Assign":{"cfg.$":"$.cfg"},"Next":"B"},
             "B":{"Type":"Task","Resource":"fn:needKey","ResultPath":"$.b","Next":"Show"},
             "Show":{"Type":"Pass","Parameters":{"cfg.$":"$cfg","b.$":"$.b"},"End":true}}}
            """,
            """{"cfg":{"path.$":"$.x","text":"it's {odd} \\ here"}}""") { Patch = """{"key":"tk"}""" },
    ];

    private static string Items10000()
    {
        var items = string.Join(",", Enumerable.Range(0, 10_000));
        return "{\"items\":[" + items + "]}";
    }
}
