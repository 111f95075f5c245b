using System.Text;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>
/// A parse or evaluation error, carrying JSONata's error code (S0201, T2001, D3001, ...), the character
/// position it refers to, the offending token and the reference implementation's message text.
/// </summary>
public sealed class JsonataException : Exception
{
    public JsonataException()
        : this("U1000", "JSONata error")
    {
    }

    public JsonataException(string message)
        : this("U1000", message)
    {
    }

    public JsonataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "U1000";
        Description = message;
    }

    internal JsonataException(string code, string description, int position = -1, string? token = null, Exception? inner = null)
        : base(code + ": " + description, inner)
    {
        Code = code;
        Description = description;
        Position = position;
        Token = token;
    }

    /// <summary>JSONata's error code, for example <c>T2001</c>.</summary>
    public string Code { get; }

    /// <summary>The message text without the code, as JSONata words it.</summary>
    public string Description { get; }

    /// <summary>Character offset in the expression text (one past the token, as JSONata reports), or -1.</summary>
    public int Position { get; }

    /// <summary>The token the error refers to, when there is one.</summary>
    public string? Token { get; }

    /// <summary>
    /// The text AWS Step Functions puts after "threw an error during evaluation. " in a
    /// States.QueryEvaluationError cause: <c>CODE: message</c>.
    /// </summary>
    public string CauseText => Code + ": " + Description;

    internal static JsonataException Create(string code, int position = -1, string? token = null, object? value = null, object? value2 = null, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var template = ErrorMessages.Templates.TryGetValue(code, out var t) ? t : "Error";
        var text = Fill(template, name => name switch
        {
            "token" => token,
            "value" => value,
            "value2" => value2,
            _ => extra is not null && extra.TryGetValue(name, out var e) ? e : null,
        });
        return new JsonataException(code, text, position, token);
    }

    internal static JsonataException WithText(string code, string text, int position = -1, string? token = null)
        => new(code, text, position, token);

    private static string Fill(string template, Func<string, object?> field)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            if (template.AsSpan(i).StartsWith("{{{"))
            {
                var end = template.IndexOf("}}}", i + 3, StringComparison.Ordinal);
                var name = template[(i + 3)..end];
                var v = field(name);
                sb.Append(v is null ? "undefined" : Format.ToDisplayString(v));
                i = end + 3;
            }
            else if (template.AsSpan(i).StartsWith("{{"))
            {
                var end = template.IndexOf("}}", i + 2, StringComparison.Ordinal);
                var name = template[(i + 2)..end];
                var v = field(name);
                sb.Append(v is null ? "undefined" : Format.ToJson(v, false));
                i = end + 2;
            }
            else
            {
                sb.Append(template[i]);
                i++;
            }
        }

        return sb.ToString();
    }
}
