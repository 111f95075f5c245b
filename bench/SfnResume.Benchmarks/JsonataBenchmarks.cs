using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SfnResume.Core.Expressions.Jsonata;

namespace SfnResume.Benchmarks;

/// <summary>
/// A typical Step Functions <c>Output</c> expression evaluated over a ~1 KB state input, after parsing once: an
/// object constructor over a few <c>$states.input</c> paths, two function calls (one over the line items), an
/// arithmetic and a string concatenation. The state input is also the context value, as in the engine.
/// </summary>
[MemoryDiagnoser]
public class JsonataBenchmarks
{
    private const string OutputExpression =
        """
        {
          "orderId": $states.input.order.id,
          "customer": $states.input.order.customer,
          "total": $sum($states.input.items.price) * 1.19,
          "itemCount": $count($states.input.items),
          "shipTo": $states.input.shipping.address.zip & " " & $states.input.shipping.address.city
        }
        """;

    private JsonataExpression _expression = null!;
    private JsonataEnvironment _environment = null!;
    private JsonObject _states = null!;
    private JsonNode _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        _expression = JsonataExpression.Parse(OutputExpression);
        _input = JsonNode.Parse(StateInput())!;
        _states = new JsonObject { ["input"] = _input.DeepClone(), ["context"] = new JsonObject { ["Execution"] = new JsonObject { ["Name"] = "exec-1" } } };
        _environment = new JsonataEnvironment { StepFunctionsExtensions = true }.Bind("states", _states);
    }

    /// <summary>Evaluation with an environment already bound (the engine binds $states once per state).</summary>
    [Benchmark]
    public JsonNode? EvaluateOutputExpression() => _expression.Evaluate(_input, _environment);

    /// <summary>A fresh environment per evaluation: nothing of the input is converted beforehand.</summary>
    [Benchmark]
    public JsonNode? BindAndEvaluateOutputExpression() =>
        _expression.Evaluate(_input, new JsonataEnvironment { StepFunctionsExtensions = true }.Bind("states", _states));

    [Benchmark]
    public JsonataExpression ParseOutputExpression() => JsonataExpression.Parse(OutputExpression);

    /// <summary>About 1 KB: an order with twelve line items.</summary>
    internal static string StateInput()
    {
        var items = new JsonArray();
        for (var i = 0; i < 12; i++)
        {
            items.Add(new JsonObject
            {
                ["sku"] = "SKU-" + (1000 + i),
                ["name"] = "Item number " + i,
                ["price"] = 9.99 + i,
                ["quantity"] = i + 1,
            });
        }

        var root = new JsonObject
        {
            ["order"] = new JsonObject { ["id"] = "ORD-2024-0001", ["customer"] = "c-42", ["currency"] = "EUR", ["channel"] = "web" },
            ["items"] = items,
            ["shipping"] = new JsonObject { ["method"] = "express", ["address"] = new JsonObject { ["city"] = "Berlin", ["zip"] = "10115" } },
        };
        return root.ToJsonString();
    }
}
