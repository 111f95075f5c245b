using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.ConformanceLambdas;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// Serves a case's Lambda functions with the JavaScript stand-ins of <see cref="ConformanceLambdaCatalog"/>, chosen
/// by the source each recorded function was built from and registered under the function's name. Each run gets
/// its own warm handlers on the run's virtual clock, with UUID request ids from a generator seeded by the case id.
/// </summary>
public static class ConformanceLambdaStandIns
{
    /// <summary>The invoker for one run; functions without a stand-in are left unserved (AWS's missing-function error).</summary>
    public static ILambdaInvoker? InvokerFor(ConformanceRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var functions = request.Case.LambdaFunctions;
        if (functions.IsDefaultOrEmpty)
        {
            return null;
        }

        var ids = new Random(StableSeeds.For(request.Case.Id + "/lambda"));
        string NextRequestId()
        {
            lock (ids)
            {
                var bytes = new byte[16];
                ids.NextBytes(bytes);
                bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
                bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
                return new Guid(bytes).ToString();
            }
        }

        var handlers = new Dictionary<string, ILambdaInvoker>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            string? file = function.SourcePath is { } source ? ConformanceLambdaCatalog.HandlerFileFor(source) : null;
            if (file is null || handlers.ContainsKey(function.FunctionName))
            {
                continue;
            }

            handlers[function.FunctionName] = ConformanceLambdaCatalog.CreateHandler(file, function.FunctionName, new JavaScriptLambdaOptions
            {
                FunctionName = function.FunctionName,
                TimeProvider = request.Clock,
                Timeout = ConformanceLambdaCatalog.FunctionTimeout,
                Region = request.Environment.Region,
                AccountId = request.Environment.AccountId,
                RequestIdFactory = NextRequestId,
            });
        }

        return new LambdaResolver(handlers);
    }
}
