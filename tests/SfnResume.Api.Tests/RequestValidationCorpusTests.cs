using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using SfnResume.Api.Json;
using SfnResume.Api.Validation;
using Xunit.Abstractions;

namespace SfnResume.Api.Tests;

/// <summary>
/// Request validation against what AWS answered. Selected: the corpus cases of the operations this project
/// covers whose recorded error AWS decides from the request alone (model constraints, ARN and name forms,
/// input JSON, definition, logging configuration), and every recorded successful request of those operations,
/// which validation must let through.
/// </summary>
public sealed partial class RequestValidationCorpusTests(ITestOutputHelper output)
{
    /// <summary>Operations validated here; the activity ones only for their name and ARN rules.</summary>
    private static readonly HashSet<string> s_operations =
    [
        "CreateStateMachine", "DescribeStateMachine", "UpdateStateMachine", "DeleteStateMachine", "ListStateMachines",
        "StartExecution", "StartSyncExecution", "DescribeExecution", "DescribeStateMachineForExecution", "StopExecution",
        "ListExecutions", "GetExecutionHistory", "RedriveExecution", "ValidateStateMachineDefinition", "TagResource",
        "UntagResource", "ListTagsForResource", "CreateActivity", "DescribeActivity", "GetActivityTask",
    ];

    /// <summary>Errors AWS decides from the request alone.</summary>
    private static readonly HashSet<string> s_statelessErrors =
    [
        "ValidationException", "InvalidArn", "InvalidName", "InvalidExecutionInput", "MissingRequiredParameter",
        "InvalidDefinition", "InvalidLoggingConfiguration",
    ];

    /// <summary>Selected cases not expected to match, each with the reason.</summary>
    private static readonly Dictionary<string, string> s_knownDeviations = new(StringComparer.Ordinal)
    {
        ["test_sfn_api_logs::TestSnfApiLogs::test_deleted_log_group#exception"] =
            "'Log Destination not found' depends on whether the CloudWatch log group exists, which is state, not request",
    };

    public static TheoryData<string> ErrorCaseIds() => [.. ErrorCases().Select(c => c.Id)];

    public static TheoryData<string> SuccessCaseIds() => [.. SuccessCases().Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(ErrorCaseIds))]
    public void Validate_RecordedBadRequest_ThrowsAwsErrorAndMessage(string id)
    {
        var @case = ApiCorpus.All.Single(c => c.Id == id);
        if (s_knownDeviations.ContainsKey(id))
        {
            return;
        }

        var (code, message) = Run(@case);
        Assert.Equal(@case.ErrorCode, code);
        Assert.Equal(@case.ErrorMessage, message);
    }

    [Theory]
    [MemberData(nameof(SuccessCaseIds))]
    public void Validate_RecordedGoodRequest_Passes(string id)
    {
        var @case = ApiCorpus.All.Single(c => c.Id == id);
        var (code, message) = Run(@case);
        Assert.True(code is null, $"{code}: {message}");
    }

    [Fact]
    public void MatchRate_OverSelectedCases_IsReported()
    {
        var errors = ErrorCases().ToList();
        var matched = errors.Count(c => Run(c) == (c.ErrorCode, c.ErrorMessage));
        var successes = SuccessCases().ToList();
        var accepted = successes.Count(c => Run(c).Code is null);
        output.WriteLine($"bad requests: {matched} of {errors.Count} give AWS's exact error and message " +
            $"({s_knownDeviations.Count} known deviation); good requests: {accepted} of {successes.Count} pass validation");
        Assert.Equal(errors.Count - s_knownDeviations.Count, matched);
        Assert.Equal(successes.Count, accepted);
    }

    private static IEnumerable<ApiCase> ErrorCases() => ApiCorpus.All.Where(c =>
        c.ErrorCode is not null && s_operations.Contains(c.Operation) && s_statelessErrors.Contains(c.ErrorCode));

    private static IEnumerable<ApiCase> SuccessCases() => ApiCorpus.All.Where(c =>
        c.ErrorCode is null && s_operations.Contains(c.Operation) && !HasPlaceholder(c.Request));

    /// <summary>Requests that take a value from an earlier response (<c>{{response:N:$.path}}</c>) cannot be replayed alone.</summary>
    private static bool HasPlaceholder(JsonObject request) => request.ToJsonString().Contains("{{", StringComparison.Ordinal);

    /// <summary>Runs the operation's validation; (null, null) when it passes. Messages are normalised like the corpus.</summary>
    private static (string? Code, string? Message) Run(ApiCase @case)
    {
        try
        {
            Validate(@case.Operation, @case.Request);
            return (null, null);
        }
        catch (SfnServiceException ex)
        {
            return (ex.ErrorType, Normalise(ex.Message));
        }
    }

    private static void Validate(string operation, JsonObject request)
    {
        var context = ApiJsonContext.Default;
        switch (operation)
        {
            case "CreateStateMachine": RequestValidator.Validate(Read(request, context.CreateStateMachineRequest)); break;
            case "DescribeStateMachine": RequestValidator.Validate(Read(request, context.DescribeStateMachineRequest)); break;
            case "UpdateStateMachine": RequestValidator.Validate(Read(request, context.UpdateStateMachineRequest)); break;
            case "DeleteStateMachine": RequestValidator.Validate(Read(request, context.DeleteStateMachineRequest)); break;
            case "ListStateMachines": RequestValidator.Validate(Read(request, context.ListStateMachinesRequest)); break;
            case "StartExecution": RequestValidator.Validate(Read(request, context.StartExecutionRequest)); break;
            case "StartSyncExecution": RequestValidator.Validate(Read(request, context.StartSyncExecutionRequest)); break;
            case "DescribeExecution": RequestValidator.Validate(Read(request, context.DescribeExecutionRequest)); break;
            case "DescribeStateMachineForExecution":
                RequestValidator.Validate(Read(request, context.DescribeStateMachineForExecutionRequest));
                break;
            case "StopExecution": RequestValidator.Validate(Read(request, context.StopExecutionRequest)); break;
            case "ListExecutions": RequestValidator.Validate(Read(request, context.ListExecutionsRequest)); break;
            case "GetExecutionHistory": RequestValidator.Validate(Read(request, context.GetExecutionHistoryRequest)); break;
            case "RedriveExecution": RequestValidator.Validate(Read(request, context.RedriveExecutionRequest)); break;
            case "ValidateStateMachineDefinition":
                RequestValidator.Validate(Read(request, context.ValidateStateMachineDefinitionRequest));
                break;
            case "TagResource": RequestValidator.Validate(Read(request, context.TagResourceRequest)); break;
            case "UntagResource": RequestValidator.Validate(Read(request, context.UntagResourceRequest)); break;
            case "ListTagsForResource": RequestValidator.Validate(Read(request, context.ListTagsForResourceRequest)); break;
            case "CreateActivity":
                var name = request["name"]!.GetValue<string>();
                if (name.Length is 0 or > ResourceNames.MaxLength)
                {
                    throw SfnServiceException.Validation(
                        [$"Value '{name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80"]);
                }

                ResourceNames.EnsureValidCharacters(name);
                break;
            case "DescribeActivity" or "GetActivityTask":
                Arns.ParseActivity(request["activityArn"]!.GetValue<string>());
                break;
            default:
                throw new InvalidOperationException(operation);
        }
    }

    private static T Read<T>(JsonObject request, JsonTypeInfo<T> info) => request.Deserialize(info)!;

    /// <summary>The corpus's normalisation: partition, region and over-long tokens replaced by placeholders.</summary>
    private static string Normalise(string message)
    {
        var text = message.Replace("arn:aws:", "arn:<partition>:", StringComparison.Ordinal)
            .Replace(":us-east-1:", ":<region>:", StringComparison.Ordinal);
        return LongToken().Replace(text, m => $"Value '<invalid_token_{m.Groups[1].Length}_chars>'");
    }

    [GeneratedRegex("Value '(x{1000,})'")]
    private static partial Regex LongToken();
}
