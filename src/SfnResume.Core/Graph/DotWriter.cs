using System.Globalization;
using System.Text;

namespace SfnResume.Core.Graph;

/// <summary>
/// Writes a <see cref="GraphModel"/> in Graphviz DOT (https://graphviz.org/doc/info/lang.html): branches and
/// item processors become clusters, colours match the Mermaid picture. Every id and label is a quoted string.
/// </summary>
internal static class DotWriter
{
    public static string Write(GraphModel model, string title)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"digraph {Quote(title)} {{\n");
        sb.Append("    graph [rankdir=TB, fontname=\"Helvetica\", fontsize=11, nodesep=0.4, ranksep=0.45];\n");
        sb.Append("    node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"filled\", fillcolor=\"#ffffff\", color=\"#424242\"];\n");
        sb.Append("    edge [fontname=\"Helvetica\", fontsize=9, color=\"#424242\"];\n");
        Scope(sb, model.Root, "    ", nested: false);
        Legend(sb, model);
        foreach (var edge in model.Edges)
        {
            var attributes = new List<string>();
            if (edge.Label is not null)
            {
                attributes.Add("label=" + Quote(edge.Label));
            }

            if (edge.Kind == EdgeKind.Catch)
            {
                attributes.Add("style=dashed");
                attributes.Add("color=\"#ef6c00\"");
                attributes.Add("fontcolor=\"#e65100\"");
            }
            else if (edge.Kind == EdgeKind.Nested)
            {
                attributes.Add("style=dotted");
                attributes.Add("arrowhead=none");
            }

            var list = attributes.Count == 0 ? "" : $" [{string.Join(", ", attributes)}]";
            sb.Append(CultureInfo.InvariantCulture, $"    {edge.From} -> {edge.To}{list};\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>One sample node per colour the picture uses, stacked in a cluster of their own.</summary>
    private static void Legend(StringBuilder sb, GraphModel model)
    {
        var used = model.UsedClasses;
        if (used.Count == 0)
        {
            return;
        }

        sb.Append("    subgraph cluster_legend {\n");
        sb.Append("        label=\"Legend\"; style=\"rounded\"; color=\"#bdbdbd\"; fontcolor=\"#616161\";\n");
        var ids = new List<string>();
        foreach (var nodeClass in used)
        {
            var colours = GraphPalette.Of(nodeClass);
            var id = "legend_" + colours.Name;
            ids.Add(id);
            var node = new GraphNode(id, [colours.Meaning], NodeShape.Task, nodeClass);
            sb.Append(CultureInfo.InvariantCulture, $"        {id} [{Attributes(node, nested: false)}, fontsize=9];\n");
        }

        // Invisible edges keep the samples in one column.
        for (var i = 1; i < ids.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"        {ids[i - 1]} -> {ids[i]} [style=invis];\n");
        }

        sb.Append("    }\n");
    }

    private static void Scope(StringBuilder sb, GraphScope scope, string indent, bool nested)
    {
        foreach (var node in scope.Nodes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{indent}{node.Id} [{Attributes(node, nested)}];\n");
        }

        foreach (var child in scope.Children)
        {
            // Only subgraphs named cluster* are drawn as boxes (https://graphviz.org/Gallery/directed/cluster.html).
            sb.Append(CultureInfo.InvariantCulture, $"{indent}subgraph cluster_{child.Id} {{\n");
            sb.Append(CultureInfo.InvariantCulture, $"{indent}    label={Quote(child.Title ?? "")}; style=\"rounded,dashed\"; color=\"#9e9e9e\"; fontcolor=\"#616161\";\n");
            Scope(sb, child, indent + "    ", nested: true);
            sb.Append(CultureInfo.InvariantCulture, $"{indent}}}\n");
        }
    }

    private static string Attributes(GraphNode node, bool nested)
    {
        var styles = new List<string> { "filled" };
        var attributes = new List<string> { "label=" + Quote(string.Join("\n", node.Lines.Select(l => l.ReplaceLineEndings(" ")))) };
        switch (node.Shape)
        {
            case NodeShape.Start or NodeShape.End when nested:
                // Inside a branch or processor: small UML-style dots, so the states stand out rather than the markers.
                attributes[0] = "label=\"\"";
                attributes.Add(node.Shape == NodeShape.Start ? "shape=circle" : "shape=doublecircle");
                attributes.Add("width=0.15");
                attributes.Add("fillcolor=\"#616161\"");
                attributes.Add("tooltip=" + Quote(node.Lines[0]));
                break;
            case NodeShape.Start or NodeShape.End:
                attributes.Add("shape=oval");
                attributes.Add("fontsize=9");
                attributes.Add("fillcolor=\"#f5f5f5\"");
                break;
            case NodeShape.Pass:
                styles.Add("rounded");
                break;
            case NodeShape.Wait:
                attributes.Add("shape=parallelogram");
                break;
            case NodeShape.Choice:
                attributes.Add("shape=diamond");
                break;
            case NodeShape.Succeed:
                styles.Add("rounded");
                attributes.Add("peripheries=2");
                break;
            case NodeShape.Fail:
                attributes.Add("shape=octagon");
                break;
            case NodeShape.Parallel or NodeShape.Map:
                attributes.Add("shape=box3d");
                break;
            default:
                break;
        }

        if (node.Class != NodeClass.None)
        {
            var colours = GraphPalette.Of(node.Class);
            attributes.Add($"fillcolor=\"{colours.Fill}\"");
            attributes.Add($"color=\"{colours.Stroke}\"");
            attributes.Add($"fontcolor=\"{colours.Text}\"");
            if (colours.StrokeWidth > 1)
            {
                attributes.Add(string.Create(CultureInfo.InvariantCulture, $"penwidth={colours.StrokeWidth}"));
            }

            if (colours.Dashed)
            {
                styles.Add("dashed");
            }
        }

        attributes.Insert(1, $"style=\"{string.Join(',', styles)}\"");
        return string.Join(", ", attributes);
    }

    /// <summary>
    /// A DOT double-quoted string: quotes and backslashes escaped (a backslash would otherwise start an escape such
    /// as <c>\N</c>), line breaks as <c>\n</c>, which Graphviz centres.
    /// </summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r' or '\t':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
