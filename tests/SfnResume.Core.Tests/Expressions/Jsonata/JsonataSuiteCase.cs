using System.Text.Json.Nodes;
using SfnResume.Testing;

namespace SfnResume.Core.Tests.Expressions.Jsonata;

/// <summary>One case of the language-neutral JSONata test suite (shared/jsonata-suite, see its TESTSUITE.md).</summary>
public sealed class JsonataSuiteCase
{
    private static readonly Lazy<IReadOnlyList<JsonataSuiteCase>> s_all = new(LoadAll);
    private static readonly Dictionary<string, JsonNode?> s_datasets = new(StringComparer.Ordinal);

    private JsonataSuiteCase(string id, JsonObject json, string directory)
    {
        Id = id;
        Json = json;
        Expression = (json["expr"] is JsonValue expr ? ReadString(expr) : null)
            ?? File.ReadAllText(Path.Combine(directory, json["expr-file"]!.GetValue<string>()));
    }

    public string Id { get; }

    public JsonObject Json { get; }

    /// <summary>The expression text: "expr", or the content of the "expr-file" beside the case.</summary>
    public string Expression { get; }

    public static IReadOnlyList<JsonataSuiteCase> All => s_all.Value;

    public static string SuiteRoot => RepoPaths.InShared("jsonata-suite");

    public override string ToString() => Id;

    /// <summary>The input: "data" when present, else the named dataset, else undefined (hasInput false).</summary>
    public (bool HasInput, JsonNode? Input) LoadInput()
    {
        if (Json.TryGetPropertyValue("data", out var data))
        {
            return (true, data?.DeepClone());
        }

        if (Json["dataset"] is JsonValue ds && ds.GetValue<string>() is { } name)
        {
            lock (s_datasets)
            {
                if (!s_datasets.TryGetValue(name, out var node))
                {
                    node = JsonNode.Parse(File.ReadAllText(Path.Combine(SuiteRoot, "datasets", name + ".json")));
                    s_datasets[name] = node;
                }

                return (true, node?.DeepClone());
            }
        }

        return (false, null);
    }

    /// <summary>Reads a JSON string, keeping lone surrogate escapes (System.Text.Json refuses them).</summary>
    private static string ReadString(JsonValue value)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            var raw = value.GetValue<System.Text.Json.JsonElement>().GetRawText();
            var sb = new System.Text.StringBuilder();
            for (var i = 1; i < raw.Length - 1; i++)
            {
                if (raw[i] == '\\' && raw[i + 1] == 'u')
                {
                    sb.Append((char)Convert.ToInt32(raw.Substring(i + 2, 4), 16));
                    i += 5;
                }
                else if (raw[i] == '\\')
                {
                    var next = raw[++i];
                    sb.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => next });
                }
                else
                {
                    sb.Append(raw[i]);
                }
            }

            return sb.ToString();
        }
    }

    private static List<JsonataSuiteCase> LoadAll()
    {
        var cases = new List<JsonataSuiteCase>();
        var groups = Path.Combine(SuiteRoot, "groups");
        foreach (var dir in Directory.GetDirectories(groups).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileName(dir) + "/" + Path.GetFileNameWithoutExtension(file);
                var node = JsonNode.Parse(File.ReadAllText(file));
                if (node is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        cases.Add(new JsonataSuiteCase(id + "[" + i + "]", (JsonObject)array[i]!, dir));
                    }
                }
                else
                {
                    cases.Add(new JsonataSuiteCase(id, (JsonObject)node!, dir));
                }
            }
        }

        return cases;
    }
}
