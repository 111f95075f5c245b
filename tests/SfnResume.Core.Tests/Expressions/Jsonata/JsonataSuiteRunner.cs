using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.Jsonata;

namespace SfnResume.Core.Tests.Expressions.Jsonata;

/// <summary>Runs a suite case and compares the outcome the way the upstream runner does (deep equality).</summary>
internal static class JsonataSuiteRunner
{
    private static readonly DateTimeOffset FixedNow = new(2024, 5, 17, 8, 30, 15, 123, TimeSpan.Zero);

    public enum Outcome
    {
        Passed,
        Failed,
    }

    public static (Outcome Outcome, string Detail) Run(JsonataSuiteCase testCase)
    {
        try
        {
            return RunCore(testCase);
        }
        catch (Exception e) when (e is not JsonataException)
        {
            return (Outcome.Failed, "crashed: " + e.GetType().Name + ": " + e.Message + " " + e.StackTrace?.Split('\n').FirstOrDefault());
        }
    }

    private static (Outcome Outcome, string Detail) RunCore(JsonataSuiteCase testCase)
    {
        var json = testCase.Json;
        var environment = new JsonataEnvironment
        {
            // a fixed instant and a seeded source: the suite checks shapes of $now()/$random(), not values
            Clock = () => FixedNow,
            Random = new Random(1318).NextDouble,
            MaxDepth = json["depth"] is JsonValue d ? d.GetValue<int>() : 10_000,
            TimeLimit = json["timelimit"] is JsonValue t ? TimeSpan.FromMilliseconds(t.GetValue<double>()) : TimeSpan.FromSeconds(10),
            // only the evaluation watchdog measures elapsed time (the suite's "timelimit" cases)
            TimeProvider = TimeProvider.System,
        };
        if (json["bindings"] is JsonObject bindings)
        {
            foreach (var kv in bindings)
            {
                environment.Bind(kv.Key, kv.Value?.DeepClone());
            }
        }

        var expectedCode = json["code"]?.GetValue<string>() ?? json["error"]?["code"]?.GetValue<string>();
        JsonNode? result;
        bool defined;
        try
        {
            var expression = JsonataExpression.Parse(testCase.Expression);
            var (hasInput, input) = testCase.LoadInput();
            defined = hasInput
                ? expression.TryEvaluate(input, environment, out result)
                : expression.TryEvaluateWithoutInput(environment, out result);
        }
        catch (JsonataException e)
        {
            if (expectedCode is not null)
            {
                return e.Code == expectedCode
                    ? (Outcome.Passed, string.Empty)
                    : (Outcome.Failed, $"expected error {expectedCode}, got {e.Code}: {e.Message}");
            }

            return (Outcome.Failed, "unexpected error " + e.Message);
        }

        if (expectedCode is not null)
        {
            return (Outcome.Failed, $"expected error {expectedCode}, got result {(defined ? result?.ToJsonString() ?? "null" : "undefined")}");
        }

        if (json.ContainsKey("undefinedResult"))
        {
            return defined ? (Outcome.Failed, "expected undefined, got " + (result?.ToJsonString() ?? "null")) : (Outcome.Passed, string.Empty);
        }

        if (json.TryGetPropertyValue("result", out var expected))
        {
            if (!defined)
            {
                return (Outcome.Failed, "expected " + (expected?.ToJsonString() ?? "null") + ", got undefined");
            }

            return JsonEquals(expected, result)
                ? (Outcome.Passed, string.Empty)
                : (Outcome.Failed, "expected " + (expected?.ToJsonString() ?? "null") + ", got " + (result?.ToJsonString() ?? "null"));
        }

        return (Outcome.Failed, "case has neither result, undefinedResult nor code");
    }

    private static double ToDouble(JsonValue v) =>
        double.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Deep equality of JSON values; numbers compare by value (1 equals 1.0).</summary>
    public static bool JsonEquals(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        switch (a)
        {
            case JsonObject oa:
                if (b is not JsonObject ob || oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var kv in oa)
                {
                    if (!ob.TryGetPropertyValue(kv.Key, out var other) || !JsonEquals(kv.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray aa:
                if (b is not JsonArray ab || aa.Count != ab.Count)
                {
                    return false;
                }

                for (var i = 0; i < aa.Count; i++)
                {
                    if (!JsonEquals(aa[i], ab[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                var va = (JsonValue)a;
                if (b is not JsonValue vb || va.GetValueKind() != vb.GetValueKind())
                {
                    return false;
                }

                return va.GetValueKind() switch
                {
                    JsonValueKind.Number => ToDouble(va) == ToDouble(vb),
                    JsonValueKind.String => va.GetValue<string>() == vb.GetValue<string>(),
                    _ => true,
                };
        }
    }
}
