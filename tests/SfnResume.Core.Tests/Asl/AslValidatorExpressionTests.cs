using static SfnResume.Core.Tests.Asl.ValidationAssert;

namespace SfnResume.Core.Tests.Asl;

public sealed class AslValidatorExpressionTests
{
    [Theory]
    [InlineData("InputPath", "x", "JSONPath")]
    [InlineData("OutputPath", "$.a[", "JSONPath")]
    [InlineData("ResultPath", "$.a[*]", "ReferencePath")]
    [InlineData("ResultPath", "$$.Execution", "ReferencePath")]
    [InlineData("ResultPath", "$..a", "ReferencePath")]
    public void Validate_BadPathField_Reported(string field, string path, string kind) =>
        Reports(Single($$"""{"Type":"Pass","{{field}}":"{{path}}","End":true}"""),
            $"SCHEMA_VALIDATION_FAILED: The value for the field '{field}' must be a valid {kind} at /States/S");

    [Theory]
    [InlineData("InputPath", "$.a[*].b")]
    [InlineData("InputPath", "$..name")]
    [InlineData("OutputPath", "$.items[?(@.price > 10)]")]
    [InlineData("OutputPath", "$['a b'].c[0]")]
    [InlineData("ResultPath", "$.a['b'][2]")]
    [InlineData("InputPath", "$$.Execution.Input")]
    [InlineData("InputPath", "$myVariable.field")]
    public void Validate_GoodPathField_Clean(string field, string path) =>
        Clean(Single($$"""{"Type":"Pass","{{field}}":"{{path}}","End":true}"""));

    [Fact]
    public void Validate_TemplateValueNeitherPathNorIntrinsic_RecordedAwsText() =>
        Reports(Single("""{"Type":"Pass","Parameters":{"parsed.$":"States.StringToJson('{\"text\":\"An \\\"escaped\\\" here\"}')"},"End":true}"""),
            "SCHEMA_VALIDATION_FAILED: The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call at /States/S/Parameters");

    [Theory]
    [InlineData("plain text")]
    [InlineData("States.Nope($.a)")]
    [InlineData("States.Format('{}', $.a")]
    public void Validate_NestedTemplateValueInvalid_LocatedAtItsObject(string value) =>
        Reports(Single("{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:111111111111:function:f\",\"Parameters\":{\"Payload\":{\"v.$\":\"" + value + "\"}},\"End\":true}"),
            "SCHEMA_VALIDATION_FAILED: The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call at /States/S/Parameters/Payload");

    [Theory]
    [InlineData("$.a")]
    [InlineData("$$.Map.Item.Value")]
    [InlineData("$counter")]
    [InlineData("States.Format('Hello {} \\\\{x\\\\}', $.name)")]
    [InlineData("States.ArrayGetItem(States.Array(1, 2, 3), 0)")]
    [InlineData("States.UUID()")]
    [InlineData("States.MathAdd($.a, -1)")]
    [InlineData("States.JsonMerge($.a, $.b, false)")]
    public void Validate_TemplateValuePathOrIntrinsic_Clean(string value) =>
        Clean(Single($$"""{"Type":"Pass","Parameters":{"v.$":"{{value}}"},"End":true}"""));

    [Fact]
    public void Validate_FailErrorPathIntrinsic_Clean() =>
        Clean(Single("""{"Type":"Fail","ErrorPath":"States.Format('E{}', $.code)","CausePath":"$.cause"}"""));

    [Fact]
    public void Validate_JsonataOnlyFieldInJsonPathState_Reported() =>
        Reports(Single("""{"Type":"Pass","Output":{"a":1},"End":true}"""),
            "SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage at /States/S");

    [Theory]
    [InlineData("InputPath", "\"$\"")]
    [InlineData("Parameters", "{}")]
    [InlineData("ResultSelector", "{}")]
    [InlineData("ResultPath", "\"$.r\"")]
    [InlineData("OutputPath", "\"$\"")]
    [InlineData("TimeoutSecondsPath", "\"$.t\"")]
    public void Validate_JsonPathOnlyFieldInJsonataState_Reported(string field, string value) =>
        Reports(Single($$"""{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","{{field}}":{{value}},"End":true}""", "\"QueryLanguage\":\"JSONata\","),
            $"SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONata', but field '{field}' is only supported for the 'JSONPath' QueryLanguage at /States/S");

    [Fact]
    public void Validate_StateDowngradesToJsonPathUnderJsonataMachine_RecordedAwsText() =>
        Reports("""{"StartAt":"Pass","States":{"Pass":{"Type":"Pass","End":true,"QueryLanguage":"JSONPath"}},"QueryLanguage":"JSONata"}""",
            "SCHEMA_VALIDATION_FAILED: 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine at /States/Pass");

    [Fact]
    public void Validate_JsonataStateInJsonPathMachine_Clean() =>
        Clean("""{"StartAt":"M","QueryLanguage":"JSONPath","States":{"M":{"Type":"Map","QueryLanguage":"JSONata","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"P","States":{"P":{"QueryLanguage":"JSONPath","Type":"Pass","End":true}}},"End":true}}}""");

    [Theory]
    [InlineData("{% $states.input + %}", "Unexpected end of expression")]
    [InlineData("{% ($states.input %}", "Expected \")\" before end of expression")]
    [InlineData("{% [1, 2) %}", "Expected \"]\", got \")\"")]
    [InlineData("{% 'unterminated %}", "String literal must be terminated by a matching quote")]
    [InlineData("{%   %}", "Unexpected end of expression")]
    [InlineData("{% $x", "A JSONata expression must start with '{%' and end with '%}'")]
    public void Validate_MalformedJsonata_InvalidJsonataExpressionAtTheValue(string expression, string message) =>
        Reports(Single($$"""{"Type":"Pass","Output":{"v":"{{expression}}"},"End":true}""", "\"QueryLanguage\":\"JSONata\","),
            $"INVALID_JSONATA_EXPRESSION: {message} at /States/S/Output/v");

    [Fact]
    public void Validate_JsonataInArraysAndAssign_Located() =>
        Reports(Single("""{"Type":"Pass","Output":["{% 1 %}","{% ( %}"],"Assign":{"x":"{% ] %}"},"End":true}""", "\"QueryLanguage\":\"JSONata\","),
            "INVALID_JSONATA_EXPRESSION: Expected \")\" before end of expression at /States/S/Output[1]",
            "INVALID_JSONATA_EXPRESSION: Unexpected \"]\" at /States/S/Assign/x");

    [Fact]
    public void Validate_WellFormedJsonata_Clean() =>
        Clean("""
            {"QueryLanguage":"JSONata","StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f","Payload":"{% $states.input.{'a': [1,2,3][0], \"b\": $count($x) } %}"},
                   "TimeoutSeconds":"{% $t %}","Output":"{% $states.result.Payload %}","Assign":{"n":"{% $n + 1 %}"},
                   "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F","Output":"{% $states.errorOutput %}"}],"Next":"C"},
              "C":{"Type":"Choice","Choices":[{"Condition":"{% $n > 1 /* big */ %}","Next":"F"}],"Default":"W"},
              "W":{"Type":"Wait","Timestamp":"{% $now() %}","End":true},
              "F":{"Type":"Fail","Error":"{% 'E' %}","Cause":"c"}}}
            """);

    [Fact]
    public void Validate_ConditionInJsonPathRule_Reported() =>
        ReportsAmong(Single("""{"Type":"Choice","Choices":[{"Condition":"{% true %}","Next":"S"}]}"""),
            "SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported for the 'JSONata' QueryLanguage at /States/S/Choices[0]");

    [Fact]
    public void Validate_VariableInJsonataRule_Reported() =>
        Reports("""{"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","Condition":"{% true %}","Next":"D"}],"Default":"D"},"D":{"Type":"Succeed"}}}""",
            "SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage at /States/C/Choices[0]");

    [Fact]
    public void Validate_JsonataRuleWithoutCondition_Required() =>
        Reports("""{"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Next":"D"}],"Default":"D"},"D":{"Type":"Succeed"}}}""",
            "SCHEMA_VALIDATION_FAILED: These fields are required: [Condition] at /States/C/Choices[0]");

    [Fact]
    public void Validate_ChoiceRuleShapes_Reported() =>
        Reports("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
              {"Variable":"$.a","NumericEquals":"1","Next":"D"},
              {"Variable":"$.t","TimestampEquals":"yesterday","Next":"D"},
              {"And":[{"Variable":"$.a","IsPresent":true,"Next":"D"}],"Next":"D"},
              {"Or":[],"Next":"D"},
              {"Variable":"$.s","StringEquals":"x"}],
              "Default":"D"},"D":{"Type":"Succeed"}}}
            """,
            "SCHEMA_VALIDATION_FAILED: The value for the field 'NumericEquals' must be a NUMBER at /States/C/Choices[0]",
            "SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/C/Choices[1]/TimestampEquals",
            "SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported at /States/C/Choices[2]/And[0]",
            "SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/C/Choices[3]/Or",
            "SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at /States/C/Choices[4]");

    [Fact]
    public void Validate_ChoiceRuleWithoutOperator_Reported() =>
        ReportsAmong(Single("""{"Type":"Choice","Choices":[{"Variable":"$.a","Next":"S"}]}"""),
            "SCHEMA_VALIDATION_FAILED: A choice rule must have a comparison operator, or one of And, Or, Not at /States/S/Choices[0]");

    [Fact]
    public void Validate_ChoicePathOperandMustBePath_Reported() =>
        ReportsAmong(Single("""{"Type":"Choice","Choices":[{"Variable":"$.a","StringEqualsPath":"b","Next":"S"}]}"""),
            "SCHEMA_VALIDATION_FAILED: The value for the field 'StringEqualsPath' must be a valid JSONPath at /States/S/Choices[0]");

    [Theory]
    [InlineData("a.b")]
    [InlineData("1abc")]
    public void Validate_BadVariableName_Reported(string name) =>
        ReportsAmong(Single($$"""{"Type":"Pass","Assign":{"{{name}}":1},"End":true}"""),
            $"SCHEMA_VALIDATION_FAILED: The variable name '{name}' is not valid at /States/S/Assign");

    [Fact]
    public void Validate_JsonPathAssignWithPathsAndIntrinsics_Clean() =>
        Clean(Single("""{"Type":"Pass","Assign":{"a.$":"$.x","b":[1,2],"c.$":"States.ArrayLength($.list)","_d":"text"},"End":true}"""));
}
