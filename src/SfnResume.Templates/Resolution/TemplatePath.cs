using System.Text;

namespace SfnResume.Templates.Resolution;

/// <summary>Where a value sits in the template (<c>/Resources/Fn/Properties/Role</c>). Built as a linked list so that
/// walking the template costs one small object per step and the text is only made when an error needs it.</summary>
internal sealed class TemplatePath
{
    private readonly TemplatePath? _parent;
    private readonly string? _key;
    private readonly int _index;
    private readonly bool _frozen;

    private TemplatePath(TemplatePath? parent, string? key, int index, bool frozen = false)
    {
        _parent = parent;
        _key = key;
        _index = index;
        _frozen = frozen;
    }

    public static TemplatePath Root { get; } = new(null, null, -1);

    public TemplatePath Key(string key) => _frozen ? this : new(this, key, -1);

    public TemplatePath Index(int index) => _frozen ? this : new(this, null, index);

    /// <summary>The same place, but steps into it go nowhere: inside an intrinsic function's arguments an error
    /// is reported at the property that holds the function, not at <c>Fn::Join[1][0]</c>.</summary>
    public TemplatePath Frozen() => _frozen ? this : new(_parent, _key, _index, frozen: true);

    public static TemplatePath Of(params string[] keys)
    {
        var path = Root;
        foreach (var key in keys)
        {
            path = path.Key(key);
        }

        return path;
    }

    /// <summary>A JSON-pointer-like path, e.g. <c>/Resources/Fn/Properties/Layers/0</c>.</summary>
    public string Pointer
    {
        get
        {
            var builder = new StringBuilder();
            foreach (var segment in Segments())
            {
                builder.Append('/').Append(segment.Key ?? segment.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.Length == 0 ? "/" : builder.ToString();
        }
    }

    /// <summary>Reads as a reader of the template would say it: <c>Resource 'Fn', property Code.ZipFile</c>.</summary>
    public string Describe()
    {
        var segments = Segments();
        if (segments.Count >= 2 && segments[0].Key is { } section && segments[1].Key is { } name)
        {
            var rest = segments.Skip(2).ToList();
            var kind = section switch
            {
                "Resources" => "Resource",
                "Outputs" => "Output",
                "Conditions" => "Condition",
                "Parameters" => "Parameter",
                "Mappings" => "Mapping",
                _ => null,
            };
            if (kind is not null)
            {
                var head = $"{kind} '{name}'";
                if (rest.Count == 0)
                {
                    return head;
                }

                if (section == "Resources" && rest[0].Key == "Properties" && rest.Count > 1)
                {
                    return $"{head}, property {Join(rest.Skip(1))}";
                }

                return $"{head}, {Join(rest)}";
            }
        }

        return segments.Count == 0 ? "Template" : $"Template {Join(segments)}";
    }

    private List<(string? Key, int Index)> Segments()
    {
        var list = new List<(string? Key, int Index)>();
        for (var node = this; node._parent is not null; node = node._parent)
        {
            list.Add((node._key, node._index));
        }

        list.Reverse();
        return list;
    }

    private static string Join(IEnumerable<(string? Key, int Index)> segments)
    {
        var builder = new StringBuilder();
        foreach (var (key, index) in segments)
        {
            if (key is null)
            {
                builder.Append('[').Append(index).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(key);
            }
        }

        return builder.ToString();
    }
}
