using SfnResume.Engine.Tasks;

namespace SfnResume.Engine.Tests.Tasks;

/// <summary>The Node.js runtime's error document, written directly or through the escaping writer.</summary>
public sealed class NodeErrorTextTests
{
    [Fact]
    public void NodeError_PlainText_IsTheCompactDocument()
    {
        Assert.Equal(
            "{\"errorType\":\"Transient\",\"errorMessage\":\"attempt 1 of i=5\",\"trace\":[\"Error: attempt 1 of i=5\",\"    at f (/var/task/index.js:1:2)\"]}",
            JsonText.NodeError("Transient", "attempt 1 of i=5", ["Error: attempt 1 of i=5", "    at f (/var/task/index.js:1:2)"]));
    }

    [Fact]
    public void NodeError_NoTrace_HasAnEmptyArray()
    {
        Assert.Equal("{\"errorType\":\"number\",\"errorMessage\":\"\",\"trace\":[]}", JsonText.NodeError("number", "", []));
    }

    [Theory]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("line\nnext\u0001", "line\\nnext\\u0001")]
    [InlineData("pair \ud83d\ude00", "pair \ud83d\ude00")]
    public void NodeError_TextNeedingEscapes_IsEscapedAsJsonStringify(string text, string written)
    {
        Assert.Equal("{\"errorType\":\"E\",\"errorMessage\":\"" + written + "\",\"trace\":[\"" + written + "\"]}",
            JsonText.NodeError("E", text, [text]));
    }

    [Fact]
    public void NodeError_LoneSurrogate_IsWrittenAsAnEscape()
    {
        // Built in code: a lone surrogate does not survive as theory data.
        var text = "lone " + (char)0xD83D + ".";

        Assert.Equal("{\"errorType\":\"E\",\"errorMessage\":\"lone \\ud83d.\",\"trace\":[]}", JsonText.NodeError("E", text, []));
    }
}
