using System.Globalization;
using System.Text;

namespace SfnResume.Core.Graph;

/// <summary>
/// Writes a <see cref="GraphModel"/> as a Mermaid flowchart (https://mermaid.js.org/syntax/flowchart.html).
/// Every label is quoted and its special characters written as Mermaid entity codes (<c>#quot;</c>, <c>#35;</c>),
/// so state names with quotes, brackets, pipes or markup cannot break the chart or inject HTML.
/// </summary>
internal static class MermaidWriter
{
    public static string Write(GraphModel model)
    {
        var sb = new StringBuilder();
        sb.Append("flowchart TD\n");
        Scope(sb, model.Root, "    ");
        Legend(sb, model);
        var catchEdges = new List<int>();
        for (var i = 0; i < model.Edges.Count; i++)
        {
            var edge = model.Edges[i];
            var arrow = edge.Kind switch
            {
                EdgeKind.Transition => "-->",
                EdgeKind.Catch => "-.->",
                _ => "-.-",
            };
            if (edge.Kind == EdgeKind.Catch)
            {
                catchEdges.Add(i);
            }

            var label = edge.Label is null ? "" : $"|\"{Escape(edge.Label)}\"|";
            sb.Append(CultureInfo.InvariantCulture, $"    {edge.From} {arrow}{label} {edge.To}\n");
        }

        if (catchEdges.Count > 0)
        {
            // linkStyle addresses edges by their position in the chart, the order they were written above.
            sb.Append(CultureInfo.InvariantCulture, $"    linkStyle {string.Join(',', catchEdges)} stroke:#ef6c00,color:#e65100\n");
        }

        // Ids in declaration order (s2 before s10), so the class lines read like the definition.
        var used = model.AllNodes
            .Where(n => n.Class != NodeClass.None)
            .OrderBy(n => n.Id.Length).ThenBy(n => n.Id, StringComparer.Ordinal)
            .GroupBy(n => n.Class)
            .ToDictionary(g => g.Key, g => g.Select(n => n.Id).ToList());
        foreach (var (nodeClass, colours) in GraphPalette.All)
        {
            if (!used.TryGetValue(nodeClass, out var ids))
            {
                continue;
            }

            var dash = colours.Dashed ? ",stroke-dasharray:5 3" : "";
            sb.Append(CultureInfo.InvariantCulture, $"    classDef {colours.Name} fill:{colours.Fill},stroke:{colours.Stroke},color:{colours.Text},stroke-width:{colours.StrokeWidth}px{dash}\n");
            sb.Append(CultureInfo.InvariantCulture, $"    class {string.Join(',', ids)} {colours.Name}\n");
        }

        return sb.ToString();
    }

    /// <summary>One sample node per colour the picture uses, so a reader needs no key elsewhere.</summary>
    private static void Legend(StringBuilder sb, GraphModel model)
    {
        var used = model.UsedClasses;
        if (used.Count == 0)
        {
            return;
        }

        sb.Append("    subgraph legend[\"Legend\"]\n");
        foreach (var nodeClass in used)
        {
            var colours = GraphPalette.Of(nodeClass);
            sb.Append(CultureInfo.InvariantCulture, $"        legend_{colours.Name}[\"{Escape(colours.Meaning)}\"]:::{colours.Name}\n");
        }

        sb.Append("    end\n");
    }

    private static void Scope(StringBuilder sb, GraphScope scope, string indent)
    {
        foreach (var node in scope.Nodes)
        {
            var label = string.Join("<br/>", node.Lines.Select(Escape));
            var (open, close) = node.Shape switch
            {
                NodeShape.Start or NodeShape.End or NodeShape.Succeed => ("([", "])"),
                NodeShape.Pass => ("(", ")"),
                NodeShape.Wait => ("[/", "/]"),
                NodeShape.Choice => ("{", "}"),
                NodeShape.Fail => ("{{", "}}"),
                NodeShape.Parallel or NodeShape.Map => ("[[", "]]"),
                _ => ("[", "]"),
            };
            sb.Append(CultureInfo.InvariantCulture, $"{indent}{node.Id}{open}\"{label}\"{close}\n");
        }

        foreach (var child in scope.Children)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{indent}subgraph {child.Id}[\"{Escape(child.Title ?? "")}\"]\n");
            Scope(sb, child, indent + "    ");
            sb.Append(CultureInfo.InvariantCulture, $"{indent}end\n");
        }
    }

    /// <summary>
    /// Mermaid decodes <c>#name;</c> and <c>#123;</c> in labels before parsing, so every character that could
    /// end a quoted label, start an entity, or be read as HTML or Markdown is written as a numeric code.
    /// </summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"' or '#' or '<' or '>' or '&' or '|' or '`' or ';':
                    sb.Append(CultureInfo.InvariantCulture, $"#{(int)c};");
                    break;
                case '\r' or '\n' or '\t':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
