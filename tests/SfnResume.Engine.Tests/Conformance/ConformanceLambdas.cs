using SfnResume.Engine.Conformance;
using SfnResume.Engine.Tasks;

namespace SfnResume.Engine.Tests.Conformance;

/// <summary>Wires the corpus's Lambda functions, by function name, to local stand-ins.</summary>
internal static class ConformanceLambdas
{
    public static ILambdaInvoker? InvokerFor(ConformanceRunRequest request) => null;
}
