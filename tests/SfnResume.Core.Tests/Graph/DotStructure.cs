namespace SfnResume.Core.Tests.Graph;

/// <summary>
/// A small reader for the subset of DOT the renderer writes (https://graphviz.org/doc/info/lang.html): one digraph,
/// clusters, node and edge statements with attribute lists, quoted strings with escapes. Fails on anything else,
/// on unbalanced braces, and on edges whose ends are not declared nodes.
/// </summary>
internal static class DotStructure
{
    public static void Check(string dot)
    {
        var tokens = Tokens(dot).ToList();
        var at = 0;
        string Next() => at < tokens.Count ? tokens[at++] : throw new InvalidOperationException("unexpected end of DOT");
        void Expect(string token)
        {
            var found = Next();
            Assert.True(found == token, $"expected '{token}', found '{found}' at token {at}");
        }

        Expect("digraph");
        Assert.StartsWith("\"", Next(), StringComparison.Ordinal);
        Expect("{");
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        var edges = new List<(string From, string To)>();
        var depth = 1;
        while (depth > 0)
        {
            var token = Next();
            if (token == "}")
            {
                depth--;
                continue;
            }

            if (token == "subgraph")
            {
                Assert.StartsWith("cluster_", Next(), StringComparison.Ordinal);
                Expect("{");
                depth++;
                continue;
            }

            Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", token);
            var following = Next();
            if (following == "=")
            {
                Assert.True(IsValue(Next()), $"bad value after {token}=");
                Expect(";");
                continue;
            }

            if (following == "->")
            {
                var to = Next();
                edges.Add((token, to));
                following = Next();
            }
            else if (token is not ("graph" or "node" or "edge"))
            {
                nodes.Add(token);
            }

            if (following == "[")
            {
                Attributes(Next, Expect);
                following = Next();
            }

            Assert.True(following == ";", $"expected ';' after statement '{token}', found '{following}'");
        }

        Assert.Equal(tokens.Count, at);
        Assert.All(edges, e => Assert.True(nodes.Contains(e.From) && nodes.Contains(e.To), $"edge {e.From} -> {e.To} names an undeclared node"));
    }

    private static void Attributes(Func<string> next, Action<string> expect)
    {
        while (true)
        {
            Assert.Matches("^[a-z]+$", next());
            expect("=");
            Assert.True(IsValue(next()), "bad attribute value");
            var separator = next();
            if (separator == "]")
            {
                return;
            }

            Assert.Equal(",", separator);
        }
    }

    private static bool IsValue(string token) => token.StartsWith('"') || System.Text.RegularExpressions.Regex.IsMatch(token, "^[A-Za-z0-9_.]+$");

    private static IEnumerable<string> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var start = i++;
                while (text[i] != '"')
                {
                    Assert.True(text[i] != '\n', "line break inside a quoted string");
                    i += text[i] == '\\' ? 2 : 1;
                }

                yield return text[start..++i];
            }
            else if (c == '-' && text[i + 1] == '>')
            {
                i += 2;
                yield return "->";
            }
            else if ("{}[];,=".Contains(c, StringComparison.Ordinal))
            {
                i++;
                yield return c.ToString();
            }
            else
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                Assert.True(i > start, $"unexpected character '{c}' in DOT");
                yield return text[start..i];
            }
        }
    }
}
