using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Engine.Tasks;

/// <summary>A Lambda function as a Task names it: a full or partial ARN, or a bare name, with an optional
/// version or alias.</summary>
/// <param name="Resource">The text it was parsed from.</param>
/// <param name="Name">The function name (what local handlers are registered under).</param>
/// <param name="Qualifier">Version, alias or <c>$LATEST</c>, when given.</param>
/// <param name="Region">Region of a full ARN.</param>
/// <param name="AccountId">Account of a full or partial ARN.</param>
/// <remarks>Accepted forms follow the Lambda Invoke API's <c>FunctionName</c> parameter
/// (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html): <c>my-function</c>, <c>my-function:v1</c>,
/// <c>123456789012:function:my-function</c>, <c>arn:aws:lambda:us-west-2:123456789012:function:my-function[:v1]</c>.</remarks>
public sealed record LambdaFunctionRef(string Resource, string Name, string? Qualifier, string? Region, string? AccountId)
{
    /// <summary>The optimised integration resource whose <c>Parameters</c> carry <c>FunctionName</c> and <c>Payload</c>.</summary>
    public const string InvokeResource = "arn:aws:states:::lambda:invoke";

    /// <summary>True for a Task <c>Resource</c> that names a Lambda function directly (the older style).</summary>
    public static bool IsFunctionArn(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var parts = resource.Split(':');
        return parts.Length is 7 or 8 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function";
    }

    /// <summary>True for <c>arn:aws:states:::lambda:invoke</c> in any partition (and its <c>.waitForTaskToken</c> form).</summary>
    public static bool IsInvokeResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var parts = resource.Split(':');
        return parts.Length == 7 && parts[0] == "arn" && parts[2] == "states" && parts[5] == "lambda"
            && (parts[6] == "invoke" || parts[6] == "invoke.waitForTaskToken");
    }

    /// <summary>Parses a function ARN, partial ARN or name; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static LambdaFunctionRef Parse(string text) =>
        TryParse(text, out var parsed, out var error) ? parsed : throw new FormatException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out LambdaFunctionRef? parsed) =>
        TryParse(text, out parsed, out _);

    private static bool TryParse(string text, [NotNullWhen(true)] out LambdaFunctionRef? parsed, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        parsed = null;
        var parts = text.Split(':');
        string name;
        string? qualifier = null, region = null, account = null;
        if (parts[0] == "arn")
        {
            if (parts.Length is not (7 or 8) || parts[2] != "lambda" || parts[5] != "function")
            {
                error = $"'{text}' is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]).";
                return false;
            }

            region = parts[3];
            account = parts[4];
            name = parts[6];
            qualifier = parts.Length == 8 ? parts[7] : null;
        }
        else if (parts.Length is 3 or 4 && parts[1] == "function")
        {
            account = parts[0];
            name = parts[2];
            qualifier = parts.Length == 4 ? parts[3] : null;
        }
        else if (parts.Length is 1 or 2)
        {
            name = parts[0];
            qualifier = parts.Length == 2 ? parts[1] : null;
        }
        else
        {
            error = $"'{text}' is not a Lambda function name or ARN.";
            return false;
        }

        if (!IsValidName(name))
        {
            error = $"'{text}' has an invalid function name '{name}' (letters, digits, '-' and '_' only).";
            return false;
        }

        if (qualifier is not null && !IsValidQualifier(qualifier))
        {
            error = $"'{text}' has an invalid qualifier '{qualifier}' (a version, an alias or $LATEST).";
            return false;
        }

        parsed = new LambdaFunctionRef(text, name, qualifier, region, account);
        error = "";
        return true;
    }

    /// <summary>Reads the effective <c>Parameters</c> of an <c>arn:aws:states:::lambda:invoke</c> Task: <c>FunctionName</c>
    /// (required), <c>Qualifier</c> and <c>Payload</c>. A string <c>Payload</c> is sent to Lambda as the raw request body, so
    /// when it holds JSON text the function receives the parsed value (recorded: <c>"Payload": "0"</c> gives event <c>0</c>);
    /// a missing or null <c>Payload</c> gives <c>{}</c>, as Lambda substitutes for an empty body (recorded:
    /// <c>test_invoke</c> with <c>"Payload": null</c> returns <c>{}</c> from the identity function).</summary>
    /// <exception cref="FormatException">The parameters lack a usable <c>FunctionName</c> or <c>Qualifier</c>.</exception>
    public static (LambdaFunctionRef Function, JsonNode? Payload) FromInvokeParameters(JsonNode? parameters)
    {
        if (parameters is not JsonObject obj)
        {
            throw new FormatException("lambda:invoke Parameters must be an object with 'FunctionName'.");
        }

        if (!obj.TryGetPropertyValue("FunctionName", out var nameNode) || nameNode is not JsonValue nameValue
            || !nameValue.TryGetValue<string>(out var nameText))
        {
            throw new FormatException("lambda:invoke Parameters need a string 'FunctionName'.");
        }

        var function = Parse(nameText);
        if (obj.TryGetPropertyValue("Qualifier", out var qualifierNode) && qualifierNode is not null)
        {
            if (qualifierNode is not JsonValue qv || !qv.TryGetValue<string>(out var qualifier) || !IsValidQualifier(qualifier))
            {
                throw new FormatException($"lambda:invoke 'Qualifier' must be a version, an alias or $LATEST (got {qualifierNode.ToJsonString()}).");
            }

            if (function.Qualifier is not null && function.Qualifier != qualifier)
            {
                throw new FormatException($"lambda:invoke 'Qualifier' '{qualifier}' conflicts with the qualifier in FunctionName '{nameText}'.");
            }

            function = function with { Qualifier = qualifier };
        }

        JsonNode? payload;
        if (!obj.TryGetPropertyValue("Payload", out var payloadNode) || payloadNode is null)
        {
            payload = new JsonObject();
        }
        else if (payloadNode is JsonValue pv && pv.TryGetValue<string>(out var raw))
        {
            payload = ParseRawBody(raw);
        }
        else
        {
            payload = payloadNode?.DeepClone();
        }

        return (function, payload);
    }

    /// <summary>The function's full ARN, filling the region and account it was not given.</summary>
    public string ToArn(string region, string accountId, string partition = "aws") =>
        $"arn:{partition}:lambda:{Region ?? region}:{AccountId ?? accountId}:function:{Name}" + (Qualifier is null ? "" : ":" + Qualifier);

    private static JsonNode? ParseRawBody(string raw)
    {
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return JsonValue.Create(raw);
        }
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 140 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsValidQualifier(string qualifier) =>
        qualifier == "$LATEST" || (qualifier.Length is > 0 and <= 128 && qualifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
}
