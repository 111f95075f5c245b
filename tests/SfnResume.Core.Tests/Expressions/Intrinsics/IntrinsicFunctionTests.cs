using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.Intrinsics;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Tests.Expressions.Intrinsics;

public sealed class IntrinsicFunctionTests
{
    private static string Run(string call, string input = "{}", IIntrinsicRandom? random = null, JsonNode? context = null) =>
        JsonNodes.ToCompactJson(IntrinsicExpression.Parse(call).Evaluate(new JsonPathScope(JsonNode.Parse(input), context), random ?? new FixedRandom()));

    private static StatesException Fails(string call, string input = "{}")
    {
        var error = Assert.Throws<StatesException>(() => Run(call, input));
        Assert.Equal(StatesErrorNames.Runtime, error.Error);
        Assert.True(error.IsStateScoped);
        return error;
    }

    [Theory]
    [InlineData("States.Format('Formatting argument {}.', $.v)", "{\"v\":\"HelloWorld\"}", "\"Formatting argument HelloWorld.\"")]
    [InlineData("States.Format('Formatting argument {}.', $.v)", "{\"v\":null}", "\"Formatting argument null.\"")]
    [InlineData("States.Format('Formatting argument {}.', $.v)", "{\"v\":1.1}", "\"Formatting argument 1.1.\"")]
    [InlineData("States.Format('Formatting argument {}.', $.v)", "{\"v\":true}", "\"Formatting argument true.\"")]
    [InlineData("States.Format('fst={} snd={}', $.v, $.v)", "{\"v\":{\"Arg1\":1,\"Arg2\":[]}}", "\"fst={Arg1=1, Arg2=[]} snd={Arg1=1, Arg2=[]}\"")]
    [InlineData("States.Format('{}', $.v)", "{\"v\":[1,\"a\",[true,null]]}", "\"[1, a, [true, null]]\"")]
    [InlineData("States.Format('no placeholders')", "{}", "\"no placeholders\"")]
    [InlineData("States.Format('it\\'s \\{literal\\} {} \\\\', 'x')", "{}", "\"it's {literal} x \\\\\"")]
    [InlineData("States.Format($.t, 1, 'b')", "{\"t\":\"{}+{}\"}", "\"1+b\"")]
    public void Format_RendersArgumentsAsAws(string call, string input, string expected)
    {
        Assert.Equal(expected, Run(call, input));
    }

    [Fact]
    public void Format_PlaceholderCountMismatch_Fails()
    {
        var error = Fails("States.Format('{} and {}', 1)");
        Assert.Equal("The intrinsic function States.Format failed: the template has 2 placeholder(s) but 1 argument(s) were given", error.Cause);
    }

    [Theory]
    [InlineData("{\"s\":\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}", "{\"Arg1\":1,\"Arg2\":[]}")]
    [InlineData("{\"s\":\"\"}", "null")]
    [InlineData("{\"s\":\" \"}", "null")]
    [InlineData("{\"s\":\"null\"}", "null")]
    [InlineData("{\"s\":\"-0\"}", "0")]
    [InlineData("{\"s\":\"1.1\"}", "1.1")]
    [InlineData("{\"s\":\"\\\"HelloWorld\\\"\"}", "\"HelloWorld\"")]
    [InlineData("{\"s\":\"[1, 2, \\\"HelloWorld\\\"]\"}", "[1,2,\"HelloWorld\"]")]
    public void StringToJson_ParsesAsAws(string input, string expected)
    {
        Assert.Equal(expected, Run("States.StringToJson($.s)", input));
    }

    [Fact]
    public void StringToJson_InvalidJson_Fails()
    {
        Assert.Equal("The intrinsic function States.StringToJson failed: the argument is not valid JSON: {oops", Fails("States.StringToJson($.s)", "{\"s\":\"{oops\"}").Cause);
        Assert.Contains("argument 1 must be a string but was 5", Fails("States.StringToJson($.s)", "{\"s\":5}").Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "\"0\"")]
    [InlineData("1.1", "\"1.1\"")]
    [InlineData("\"HelloWorld\"", "\"\\\"HelloWorld\\\"\"")]
    [InlineData("[1, 2, \"HelloWorld\"]", "\"[1,2,\\\"HelloWorld\\\"]\"")]
    [InlineData("{\"Arg1\": 1, \"Arg2\": []}", "\"{\\\"Arg1\\\":1,\\\"Arg2\\\":[]}\"")]
    [InlineData("null", "\"null\"")]
    public void JsonToString_SerialisesCompactly(string value, string expected)
    {
        Assert.Equal(expected, Run("States.JsonToString($.v)", "{\"v\":" + value + "}"));
    }

    [Fact]
    public void JsonMerge_IsShallowAndRightWins()
    {
        var input = """{"a":{"a":{"a1":1,"a2":2},"b":2,"d":3},"b":{"a":{"a3":1,"a4":2},"c":3,"d":4}}""";
        Assert.Equal("""{"a":{"a3":1,"a4":2},"b":2,"d":4,"c":3}""", Run("States.JsonMerge($.a, $.b, false)", input));
    }

    [Fact]
    public void JsonMerge_DeepOrNonObjects_Fail()
    {
        Assert.Contains("the third argument must be false", Fails("States.JsonMerge($.a, $.a, true)", "{\"a\":{}}").Cause, StringComparison.Ordinal);
        Assert.Contains("argument 2 must be a JSON object but was [1]", Fails("States.JsonMerge($.a, $.b, false)", "{\"a\":{},\"b\":[1]}").Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("States.Array()", "[]")]
    [InlineData("States.Array(1, 'a', true, null, $.o)", "[1,\"a\",true,null,{\"k\":[1]}]")]
    [InlineData("States.Array(States.Array(1), States.Array())", "[[1],[]]")]
    public void Array_CollectsArguments(string call, string expected)
    {
        Assert.Equal(expected, Run(call, """{"o":{"k":[1]}}"""));
    }

    [Theory]
    [InlineData("[0,1,2,3]", "2", "[[0,1],[2,3]]")]
    [InlineData("[0,1,2,3]", "3", "[[0,1,2],[3]]")]
    [InlineData("[0,1,2,3]", "5", "[[0,1,2,3]]")]
    [InlineData("[]", "4", "[]")]
    [InlineData("[0,1,2]", "1.5", "[[0,1],[2]]")]
    public void ArrayPartition_ChunksTheArray(string array, string size, string expected)
    {
        Assert.Equal(expected, Run($"States.ArrayPartition($.a, {size})", "{\"a\":" + array + "}"));
    }

    [Fact]
    public void ArrayPartition_NonPositiveSize_Fails()
    {
        Assert.Contains("the chunk size must be greater than 0 but was 0", Fails("States.ArrayPartition($.a, 0)", "{\"a\":[1]}").Cause, StringComparison.Ordinal);
        Assert.Contains("argument 1 must be an array but was \"x\"", Fails("States.ArrayPartition($.a, 1)", "{\"a\":\"x\"}").Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "null", "false")]
    [InlineData("[]", "[]", "false")]
    [InlineData("[[1,2,3],2]", "[1,2,3]", "true")]
    [InlineData("[{\"1\":2,\"2\":[]}]", "{\"2\":[],\"1\":2}", "true")]
    [InlineData("[true,false]", "false", "true")]
    [InlineData("[1,2]", "1.0", "true")]
    [InlineData("[1,2]", "\"1\"", "false")]
    public void ArrayContains_ComparesStructurally(string array, string value, string expected)
    {
        Assert.Equal(expected, Run("States.ArrayContains($.a, $.v)", "{\"a\":" + array + ",\"v\":" + value + "}"));
    }

    [Theory]
    [InlineData("0, 10, 3", "[0,3,6,9]")]
    [InlineData("1, 9, 2", "[1,3,5,7,9]")]
    [InlineData("5, 1, -2", "[5,3,1]")]
    [InlineData("3, 3, 1", "[3]")]
    [InlineData("3, 3, -1", "[3]")]
    [InlineData("5, 1, 1", "[]")]
    [InlineData("0.6, 2.4, 1", "[1,2]")]
    public void ArrayRange_IsInclusive(string args, string expected)
    {
        Assert.Equal(expected, Run($"States.ArrayRange({args})"));
    }

    [Fact]
    public void ArrayRange_ZeroStepOrTooLong_Fails()
    {
        Assert.Contains("the step must not be 0", Fails("States.ArrayRange(1, 5, 0)").Cause, StringComparison.Ordinal);
        Assert.Contains("the range has 1001 items; the limit is 1000", Fails("States.ArrayRange(0, 1000, 1)").Cause, StringComparison.Ordinal);
        Assert.Equal(1000, JsonNode.Parse(Run("States.ArrayRange(1, 1000, 1)"))!.AsArray().Count);
    }

    [Fact]
    public void ArrayGetItem_ReturnsTheElementOrFails()
    {
        Assert.Equal("6", Run("States.ArrayGetItem($.a, 5)", "{\"a\":[1,2,3,4,5,6,7,8,9]}"));
        Assert.Equal("{\"x\":1}", Run("States.ArrayGetItem($.a, 0)", "{\"a\":[{\"x\":1}]}"));
        Assert.Contains("index 3 is out of bounds for an array of 3 item(s)", Fails("States.ArrayGetItem($.a, 3)", "{\"a\":[1,2,3]}").Cause, StringComparison.Ordinal);
        Assert.Contains("index -1 is out of bounds", Fails("States.ArrayGetItem($.a, -1)", "{\"a\":[1]}").Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayLengthAndUnique_Work()
    {
        Assert.Equal("9", Run("States.ArrayLength($.a)", "{\"a\":[1,2,3,4,5,6,7,8,9]}"));
        Assert.Equal("0", Run("States.ArrayLength($.a)", "{\"a\":[]}"));
        Assert.Equal("[1,2,3,4,{\"a\":1}]", Run("States.ArrayUnique($.a)", "{\"a\":[1,2,2,3,3,4,{\"a\":1},{\"a\":1},1.0]}"));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("Data to encode", "RGF0YSB0byBlbmNvZGU=")]
    [InlineData("héllo ☃", "aMOpbGxvIOKYgw==")]
    public void Base64_RoundTrips(string plain, string encoded)
    {
        Assert.Equal("\"" + encoded + "\"", Run("States.Base64Encode($.s)", new JsonObject { ["s"] = plain }.ToJsonString()));
        Assert.Equal(JsonNodes.ToCompactJson(JsonValue.Create(plain)), Run("States.Base64Decode($.s)", new JsonObject { ["s"] = encoded }.ToJsonString()));
    }

    [Fact]
    public void Base64_InvalidOrTooLong_Fails()
    {
        Assert.Contains("the argument is not valid base64: %%", Fails("States.Base64Decode('%%')").Cause, StringComparison.Ordinal);
        var longText = new JsonObject { ["s"] = new string('a', 10_001) }.ToJsonString();
        Assert.Contains("the input is 10001 characters long; the limit is 10000", Fails("States.Base64Encode($.s)", longText).Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MD5", "812f45842bc6d66ee14572ce20db8e86")]
    [InlineData("SHA-1", "aaff4a450a104cd177d28d18d74485e8cae074b7")]
    [InlineData("SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")]
    [InlineData("SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562")]
    [InlineData("SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4")]
    public void Hash_UsesTheNamedAlgorithm(string algorithm, string expected)
    {
        var actual = JsonNode.Parse(Run($"States.Hash('input data', '{algorithm}')"))!.GetValue<string>();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Hash_UnknownAlgorithm_Fails()
    {
        Assert.Contains("unsupported hash algorithm 'sha256'", Fails("States.Hash('x', 'sha256')").Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,2,3,4,5", ",", "[\"1\",\"2\",\"3\",\"4\",\"5\"]")]
    [InlineData(", , ,", ",", "[\" \",\" \"]")]
    [InlineData(",,,,", ",", "[]")]
    [InlineData("This.is+a,test=string", ".+,=", "[\"This\",\"is\",\"a\",\"test\",\"string\"]")]
    [InlineData("split on T and \nnew line", "T\n", "[\"split on \",\" and \",\"new line\"]")]
    public void StringSplit_SplitsOnEveryDelimiterCharacter(string text, string delimiters, string expected)
    {
        Assert.Equal(expected, Run("States.StringSplit($.s, $.d)", new JsonObject { ["s"] = text, ["d"] = delimiters }.ToJsonString()));
    }

    [Fact]
    public void Uuid_UsesTheInjectedSource()
    {
        Assert.Equal("\"0f8fad5b-d9cb-469f-a165-70867728950e\"", Run("States.UUID()"));
    }

    [Fact]
    public void MathRandom_UsesTheInjectedSourceOrTheSeed()
    {
        var random = new FixedRandom(offset: 7);
        Assert.Equal("20", Run("States.MathRandom($.a, $.b)", "{\"a\":12.5,\"b\":44.51}", random));
        Assert.Equal((13, 45), random.Calls.Single());

        var seeded1 = Run("States.MathRandom(0, 999, 3)");
        var seeded2 = Run("States.MathRandom(0, 999, 3)", random: new FixedRandom(offset: 500));
        Assert.Equal(seeded1, seeded2);
        Assert.InRange(int.Parse(seeded1, System.Globalization.CultureInfo.InvariantCulture), 0, 998);
        Assert.Contains("the start (5) must be less than the end (5)", Fails("States.MathRandom(5, 5)").Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-9", "3", "-6")]
    [InlineData("1.49", "1.5", "3")]
    [InlineData("-1.51", "0", "-2")]
    [InlineData("0.5", "0", "1")]
    [InlineData("-0.5", "0.5", "1")]
    [InlineData("-0.5", "0", "0")]
    [InlineData("-3.5", "0", "-3")]
    [InlineData("-1.49", "-1.5", "-2")]
    [InlineData("-1.5", "-1.51", "-3")]
    [InlineData("1.5", "1.51", "4")]
    public void MathAdd_RoundsHalfUpThenAdds(string a, string b, string expected)
    {
        Assert.Equal(expected, Run("States.MathAdd($.a, $.b)", "{\"a\":" + a + ",\"b\":" + b + "}"));
    }

    [Fact]
    public void MathAdd_OverflowOrNonNumbers_Fail()
    {
        Assert.Contains("the sum 2147483648 is outside the 32-bit integer range", Fails("States.MathAdd(2147483647, 1)").Cause, StringComparison.Ordinal);
        Assert.Contains("argument 1 (3000000000) is outside the 32-bit integer range", Fails("States.MathAdd(3000000000, 1)").Cause, StringComparison.Ordinal);
        Assert.Contains("argument 2 must be a number but was \"1\"", Fails("States.MathAdd(1, '1')").Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedCallsAndContextPaths_Compose()
    {
        var context = JsonNode.Parse("""{"StateMachine":{"Name":"orders-prod"},"Execution":{"Input":{"input_field":{"k":"v"}}}}""");
        Assert.Equal("\"orders\"", Run("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)", context: context));
        Assert.Equal(
            "{\"constant_in_literal\":\"false\",\"k\":\"v\"}",
            Run("States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $$.Execution.Input.input_field, false)", context: context));
    }

    [Fact]
    public void PathArgumentNotFound_FailsNamingThePath()
    {
        var error = Fails("States.Format('{}', $.missing)", "{\"a\":1}");
        Assert.Equal("The JsonPath argument for the field '$.missing' could not be found in the input '{\"a\":1}'", error.Cause);
    }

    [Fact]
    public void Evaluate_DoesNotShareNodesWithTheInput()
    {
        var input = JsonNode.Parse("""{"a":[{"x":1}],"o":{"k":{"z":1}}}""")!;
        var scope = new JsonPathScope(input);
        foreach (var call in new[] { "States.Array($.a)", "States.ArrayGetItem($.a, 0)", "States.ArrayUnique($.a)", "States.ArrayPartition($.a, 1)", "States.JsonMerge($.o, $.o, false)" })
        {
            var result = IntrinsicExpression.Parse(call).Evaluate(scope, new FixedRandom());
            Assert.Null(result!.Parent);
            new JsonObject { ["r"] = result };
        }

        Assert.Equal("""{"a":[{"x":1}],"o":{"k":{"z":1}}}""", input.ToJsonString());
    }

    [Theory]
    [InlineData("States.Nope()", 0)]
    [InlineData("States.Format(", 14)]
    [InlineData("States.ArrayLength()", 0)]
    [InlineData("States.UUID(1)", 0)]
    [InlineData("States.Format('x)", 14)]
    [InlineData("States.Format('x') extra", 19)]
    [InlineData("States.Array(@)", 13)]
    public void Parse_InvalidCalls_ThrowWithPosition(string call, int position)
    {
        var error = Assert.Throws<JsonPathParseException>(() => IntrinsicExpression.Parse(call));
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_TooDeeplyNested_Fails()
    {
        var call = string.Concat(Enumerable.Repeat("States.Array(", 11)) + new string(')', 11);
        Assert.Throws<JsonPathParseException>(() => IntrinsicExpression.Parse(call));
        var ok = string.Concat(Enumerable.Repeat("States.Array(", 10)) + new string(')', 10);
        Assert.Equal("[[[[[[[[[[]]]]]]]]]]".Substring(1, 18), Run(ok).Substring(1, 18));
    }

    [Fact]
    public void Parse_PathArgumentsWithBracketsAndFilters()
    {
        Assert.Equal("\"v w\"", Run("States.Format('{}', $.abc.['def ghi'])", "{\"abc\":{\"def ghi\":\"v w\"}}"));
        Assert.Equal("\"[2]\"", Run("States.JsonToString($.a[?(@ > 1)])", "{\"a\":[1,2]}"));
    }
}
