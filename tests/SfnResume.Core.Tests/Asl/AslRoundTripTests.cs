using SfnResume.Core.Asl;

namespace SfnResume.Core.Tests.Asl;

public sealed class AslRoundTripTests
{
    public static TheoryData<string> ConformanceCases() => new(CorpusDefinitions.ConformanceCaseFiles().Select(Path.GetFileName)!);

    public static TheoryData<string> Workloads() => new(CorpusDefinitions.WorkloadFiles().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(ConformanceCases))]
    public void ParseWrite_ConformanceDefinition_TextKeptAndNoErrors(string caseFile)
    {
        var text = CorpusDefinitions.DefinitionText(Path.Combine(Path.GetDirectoryName(CorpusDefinitions.ConformanceCaseFiles().First())!, caseFile));

        AssertRoundTripsClean(text, CorpusKnownErrors.For(caseFile));
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void ParseWrite_Workload_TextKeptAndNoErrors(string file)
    {
        var text = File.ReadAllText(CorpusDefinitions.WorkloadFiles().Single(f => Path.GetFileName(f) == file));

        AssertRoundTripsClean(text, []);
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void WriteTo_Workload_IsTheUtf8OfWrite(string file)
    {
        var definition = AslParser.Parse(File.ReadAllText(CorpusDefinitions.WorkloadFiles().Single(f => Path.GetFileName(f) == file))).Definition!;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        AslWriter.WriteTo(buffer, definition.Raw);

        Assert.Equal(AslWriter.Write(definition), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void ParseWrite_SeedSample_TextKeptAndNoDiagnostics()
    {
        var text = File.ReadAllText(CorpusDefinitions.SampleFile);

        var result = AslParser.Parse(text);

        Assert.Empty(result.Diagnostics);
        Assert.True(result.IsValid);
        Assert.Equal(CorpusDefinitions.StripWhitespace(text), CorpusDefinitions.StripWhitespace(AslWriter.Write(result.Definition!)));
    }

    private static void AssertRoundTripsClean(string text, IReadOnlyCollection<string> expectedErrorCodes)
    {
        var result = AslParser.Parse(text);

        Assert.NotNull(result.Definition);
        var errors = result.Errors.Select(d => d.ToString()).ToList();
        if (expectedErrorCodes.Count == 0)
        {
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        else
        {
            Assert.Equal(expectedErrorCodes.Order(StringComparer.Ordinal), result.Errors.Select(d => d.Code).Order(StringComparer.Ordinal));
        }

        Assert.Equal(CorpusDefinitions.StripWhitespace(text), CorpusDefinitions.StripWhitespace(AslWriter.Write(result.Definition!, indented: false)));
        Assert.Equal(CorpusDefinitions.StripWhitespace(text), CorpusDefinitions.StripWhitespace(AslWriter.Write(result.Definition!, indented: true)));
    }
}
