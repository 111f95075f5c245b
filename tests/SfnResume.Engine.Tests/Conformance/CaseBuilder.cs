using SfnResume.Engine.Conformance;

namespace SfnResume.Engine.Tests.Conformance;

/// <summary>Small cases written inline, in the corpus file format.</summary>
internal static class CaseBuilder
{
    public const string PassDefinition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    /// <summary>A case with the given extra top-level fields (raw JSON members, e.g. <c>"expected_output": {"a": 1}</c>).</summary>
    public const string DefaultTransformers = """
        [
          {"kind": "RegexTransformer", "regex": "arn:aws:iam::111111111111:role/sfn-conformance-role", "replacement": "snf_role_arn"},
          {"kind": "RegexTransformer", "regex": "Extended Request ID: [a-zA-Z0-9-/=+]+", "replacement": "Extended Request ID: <extended_request_id>"},
          {"kind": "RegexTransformer", "regex": "Request ID: [a-zA-Z0-9-]+", "replacement": "Request ID: <request_id>"},
          {"kind": "transform.sfn_sm_create_arn", "index": 0, "replacement": "<ArnPart_0idx>", "regex": "statemachine_uid0001"},
          {"kind": "transform.sfn_sm_exec_arn", "index": 0, "replacement": "<ExecArnPart_0idx>", "regex": "exec_0001"}
        ]
        """;

    public static ConformanceCase Case(
        string extraFields = "", string status = "SUCCEEDED", string id = "inline-case", string transformers = DefaultTransformers) =>
        ConformanceCaseLoader.Parse(
            $$"""
            {
              "id": "{{id}}",
              "definition": {{PassDefinition}},
              "input": "{}",
              "state_machine_name": "statemachine_uid0001",
              "execution_name": "exec_0001",
              "expected_status": "{{status}}",
              "categories": ["pass"],
              "test_transformers": {{transformers}}{{(extraFields.Length == 0 ? "" : ",\n" + extraFields)}}
            }
            """,
            "inline-case.json");
}
