using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.Jsonata;

namespace SfnResume.Core.Tests.Expressions.Jsonata;

/// <summary>The functions AWS Step Functions adds to JSONata, enabled by <see cref="JsonataEnvironment.StepFunctionsExtensions"/>.</summary>
public sealed class StepFunctionsExtensionsTests
{
    private static readonly DateTimeOffset s_now = new(2024, 5, 17, 8, 30, 0, TimeSpan.Zero);

    private static JsonataEnvironment Sfn(Func<double>? random = null) => new()
    {
        StepFunctionsExtensions = true,
        Clock = () => s_now,
        Random = random ?? (() => 0.25),
    };

    private static string Eval(string expression, JsonataEnvironment environment, string? input = null) =>
        JsonataExpression.Parse(expression).Evaluate(input is null ? null : JsonNode.Parse(input), environment)?.ToJsonString() ?? "null";

    [Theory]
    [InlineData("$partition([0, 1, 2, 3], 2)", "[[0,1],[2,3]]")]
    [InlineData("$partition([0, 1, 2], 2)", "[[0,1],[2]]")]
    [InlineData("$partition([0, 1], 5)", "[[0,1]]")]
    [InlineData("$partition([], 1)", "[]")]
    public void Partition_splits_into_chunks(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression, Sfn()));

    [Fact]
    public void Partition_rejects_a_non_positive_chunk_size()
    {
        var e = Assert.Throws<JsonataException>(() => Eval("$partition([1, 2], 0)", Sfn()));
        Assert.Equal("D3001", e.Code);
    }

    [Theory]
    [InlineData("$range(0, 9, 3)", "[0,3,6,9]")]
    [InlineData("$range(1, 9, 2)", "[1,3,5,7,9]")]
    [InlineData("$range(5, 1, -2)", "[5,3,1]")]
    [InlineData("$range(1, 3)", "[1,2,3]")]
    public void Range_includes_the_end_when_a_step_lands_on_it(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression, Sfn()));

    [Theory]
    [InlineData("MD5", "5d41402abc4b2a76b9719d911017c592")]
    [InlineData("SHA-1", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d")]
    [InlineData("SHA-256", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")]
    public void Hash_hex_encodes_the_digest_of_the_utf8_text(string algorithm, string expected) =>
        Assert.Equal("\"" + expected + "\"", Eval($"$hash('hello', '{algorithm}')", Sfn()));

    [Theory]
    [InlineData("SHA-384", 96)]
    [InlineData("SHA-512", 128)]
    public void Hash_supports_the_longer_sha2_digests(string algorithm, int hexLength) =>
        Assert.Equal(hexLength + 2, Eval($"$hash('hello', '{algorithm}')", Sfn()).Length);

    [Fact]
    public void Hash_rejects_an_unknown_algorithm() =>
        Assert.Equal("D3001", Assert.Throws<JsonataException>(() => Eval("$hash('x', 'CRC32')", Sfn())).Code);

    [Fact]
    public void Random_with_a_seed_is_repeatable_and_without_uses_the_injected_source()
    {
        Assert.Equal(Eval("$random(42)", Sfn()), Eval("$random(42)", Sfn()));
        Assert.NotEqual(Eval("$random(42)", Sfn()), Eval("$random(7)", Sfn()));
        Assert.Equal("0.25", Eval("$random()", Sfn()));
    }

    [Fact]
    public void Uuid_is_a_version_4_uuid_from_the_injected_randomness()
    {
        var uuid = Eval("$uuid()", Sfn(() => 0.5)).Trim('"');
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uuid);
        Assert.Equal(uuid, Eval("$uuid()", Sfn(() => 0.5)).Trim('"'));
    }

    [Theory]
    [InlineData("\"1.1\"", "1.1")]
    [InlineData("\"true\"", "true")]
    [InlineData("\"[1, 2, \\\"HelloWorld\\\"]\"", "[1,2,\"HelloWorld\"]")]
    public void Parse_reads_json_text(string input, string expected) =>
        Assert.Equal(expected, Eval("$parse($)", Sfn(), input));

    [Fact]
    public void Eval_is_not_available_in_step_functions_mode()
    {
        var e = Assert.Throws<JsonataException>(() => Eval("$eval('1 + 1')", Sfn()));
        Assert.Equal("T1006", e.Code);
        Assert.Equal("2", Eval("$eval('1 + 1')", new JsonataEnvironment()));
    }

    [Fact]
    public void Extensions_are_absent_in_standard_mode() =>
        Assert.Equal("T1006", Assert.Throws<JsonataException>(() => Eval("$partition([1], 1)", new JsonataEnvironment())).Code);

    [Fact]
    public void States_binding_is_visible_as_a_variable()
    {
        var environment = Sfn().Bind("states", JsonNode.Parse("""{"input": {"items": [{"price": 2}, {"price": 3.5}], "order": {"id": "A-1"}}}"""));
        var result = Eval("""{"total": $sum($states.input.items.price), "id": $states.input.order.id}""", environment);
        Assert.Equal("""{"total":5.5,"id":"A-1"}""", result);
    }

    [Fact]
    public void Now_reads_the_injected_clock() =>
        Assert.Equal("\"2024-05-17T08:30:00.000Z\"", Eval("$now()", Sfn()));
}
