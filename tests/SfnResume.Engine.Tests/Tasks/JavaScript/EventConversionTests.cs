using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>Events reach JavaScript as ordinary objects, and results come back as JSON.stringify would write them,
/// whether or not the handler touched or changed the event.</summary>
public sealed class EventConversionTests
{
    private const string Event = "{\"order\":{\"id\":\"O-1\",\"lines\":[{\"sku\":\"A\",\"qty\":1.0},{\"sku\":\"B\",\"qty\":2}]},\"n\":0,\"tags\":[\"x\"]}";

    private static JsonNode? Run(string body, string payload = Event)
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async (event) => { " + body + " };");
        var pending = handler.InvokeAsync(JsonNode.Parse(payload));
        Assert.True(pending.IsCompleted);
        var outcome = pending.Result;
        Assert.False(outcome is LambdaOutcome.Failed, outcome.ToString());
        return Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload;
    }

    private static string Json(string body, string payload = Event) => Run(body, payload)?.ToJsonString() ?? "null";

    [Theory]
    [InlineData("return event.order.lines[1].sku;", "\"B\"")]
    [InlineData("return Object.keys(event);", "[\"order\",\"n\",\"tags\"]")]
    [InlineData("const out = []; for (const k in event.order) out.push(k); return out;", "[\"id\",\"lines\"]")]
    [InlineData("return ['n' in event, 'zz' in event, event.hasOwnProperty('tags'), typeof event.toString];", "[true,false,true,\"function\"]")]
    [InlineData("return { ...event.order, extra: 1 };", "{\"id\":\"O-1\",\"lines\":[{\"sku\":\"A\",\"qty\":1.0},{\"sku\":\"B\",\"qty\":2}],\"extra\":1}")]
    [InlineData("const { order: { id }, n } = event; return [id, n];", "[\"O-1\",0]")]
    [InlineData("return Object.entries(event.order.lines[0]);", "[[\"sku\",\"A\"],[\"qty\",1]]")]
    [InlineData("return event.order.lines.map(l => l.qty * 2);", "[2,4]")]
    public void Reads_SeeTheEventAsAnOrdinaryObject(string body, string expected)
    {
        Assert.Equal(expected, Json(body));
    }

    [Theory]
    [InlineData("event.n = 5; return event;", "{\"order\":{\"id\":\"O-1\",\"lines\":[{\"sku\":\"A\",\"qty\":1.0},{\"sku\":\"B\",\"qty\":2}]},\"n\":5,\"tags\":[\"x\"]}")]
    [InlineData("event.order.lines[0].qty = 3; return event.order;", "{\"id\":\"O-1\",\"lines\":[{\"sku\":\"A\",\"qty\":3},{\"sku\":\"B\",\"qty\":2}]}")]
    [InlineData("delete event.order; return event;", "{\"n\":0,\"tags\":[\"x\"]}")]
    [InlineData("event.tags.push('y'); return event.tags;", "[\"x\",\"y\"]")]
    [InlineData("event.order.lines[1] = 7; return event.order.lines;", "[{\"sku\":\"A\",\"qty\":1.0},7]")]
    [InlineData("Object.assign(event.order, { id: 'O-2' }); return [event.order.id, event.order];", "[\"O-2\",{\"id\":\"O-2\",\"lines\":[{\"sku\":\"A\",\"qty\":1.0},{\"sku\":\"B\",\"qty\":2}]}]")]
    [InlineData("Object.defineProperty(event, 'n', { value: 9, enumerable: true }); return event.n;", "9")]
    [InlineData("event.order.lines.reverse(); return event.order.lines;", "[{\"sku\":\"B\",\"qty\":2},{\"sku\":\"A\",\"qty\":1.0}]")]
    public void Writes_AreSeenInTheResult(string body, string expected)
    {
        // Subtrees left unchanged keep their JSON text (qty 1.0); changed ones are written as JSON.stringify writes.
        Assert.Equal(expected, Json(body));
    }

    [Theory]
    [InlineData("const o = event.order; o.id = 'X'; return event;", "{\"order\":{\"id\":\"X\",\"lines\":[{\"sku\":\"A\",\"qty\":1.0},{\"sku\":\"B\",\"qty\":2}]},\"n\":0,\"tags\":[\"x\"]}")]
    [InlineData("event.tags.push('y'); return event;", "{\"order\":{\"id\":\"O-1\",\"lines\":[{\"sku\":\"A\",\"qty\":1.0},{\"sku\":\"B\",\"qty\":2}]},\"n\":0,\"tags\":[\"x\",\"y\"]}")]
    [InlineData("const o = event.order; const keys = Object.keys(event); return [o === event.order, event.tags === event.tags, keys];", "[true,true,[\"order\",\"n\",\"tags\"]]")]
    [InlineData("const o = event.order; event.n = 1; o.id = 'Y'; return event.order.id;", "\"Y\"")]
    public void FieldsReadBeforeTheWholeEvent_AreTheSameValuesAfterwards(string body, string expected)
    {
        // A field read by key is converted alone; the object built later holds that same value, changes included.
        Assert.Equal(expected, Json(body));
    }

    [Fact]
    public void JsonStringifyInsideHandler_SeesJavaScriptNumbers()
    {
        Assert.Equal("{\"sku\":\"A\",\"qty\":1}", Run("return JSON.stringify(event.order.lines[0]);")!.GetValue<string>());
    }

    [Fact]
    public void CopiedEvent_IsWrittenAsJsonStringifyWrites()
    {
        var result = Run("return { ...event };", "{\"neg0\":-0,\"big\":9007199254740993,\"f\":2.50,\"e\":1E2}");

        Assert.Equal("{\"neg0\":0,\"big\":9007199254740992,\"f\":2.5,\"e\":100}", result!.ToJsonString());
    }

    [Fact]
    public void UnchangedEvent_ComesBackWithItsOwnNumberText()
    {
        // qty 1.0 keeps its text because the object was never changed: the result is the event's own JSON.
        Assert.Equal(Event, Json("void event.order.lines[0].qty; return event;"));
        Assert.Equal("0.0", Json("return event;", "0.0"));
        Assert.Equal("{\"lines\":[{\"sku\":\"A\",\"qty\":1.0},{\"sku\":\"B\",\"qty\":2}],\"copy\":true}",
            Json("return { lines: event.order.lines, copy: true };"));
    }

    [Fact]
    public async Task UnchangedRootEvent_IsReturnedWithoutCopy()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async (event) => event;");
        var payload = JsonNode.Parse(Event);
        var nested = payload!["order"];

        var root = Assert.IsType<LambdaOutcome.Succeeded>(await handler.InvokeAsync(payload)).Payload;
        var inner = Assert.IsType<LambdaOutcome.Succeeded>(await handler.InvokeAsync(nested)).Payload;

        Assert.Same(payload, root);
        // A node with a parent cannot be placed elsewhere, so it comes back as a copy.
        Assert.NotSame(nested, inner);
        Assert.True(JsonNode.DeepEquals(nested, inner));
    }

    [Fact]
    public async Task EventKeptByModuleState_SeesItsOwnValuesLater()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "let last; exports.handler = async (event) => { const prev = last; last = event; return prev === undefined ? null : prev.order.id; };");

        await handler.InvokeAsync(JsonNode.Parse(Event));
        var second = await handler.InvokeAsync(JsonNode.Parse("{\"order\":{\"id\":\"O-9\"}}"));

        Assert.Equal("\"O-1\"", Assert.IsType<LambdaOutcome.Succeeded>(second).Payload!.ToJsonString());
    }
}
