using System.Collections.Concurrent;

namespace SfnResume.Engine.Tasks.Mocking;

/// <summary>Answers the Task states a mock test case covers. Invocations are counted per execution and state name from
/// 0, retries and loop visits included, shared by Map iterations and Parallel branches, as Step Functions Local and
/// LocalStack count them.</summary>
public sealed class MockConfigInvoker(MockTestCase testCase) : ILambdaInvoker
{
    private readonly ConcurrentDictionary<(string ExecutionArn, string StateName), StrongBox> _counters = new();

    public MockTestCase TestCase { get; } = testCase;

    /// <summary>True when the test case mocks <paramref name="stateName"/> (other states call their functions).</summary>
    public bool Mocks(string stateName) => TestCase.Responses.ContainsKey(stateName);

    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!TestCase.Responses.TryGetValue(invocation.StateName, out var response))
        {
            return new ValueTask<LambdaOutcome>(LambdaResolver.NotServed(invocation));
        }

        var counter = _counters.GetOrAdd((invocation.ExecutionArn, invocation.StateName), _ => new StrongBox());
        var count = Interlocked.Increment(ref counter.Value) - 1;
        LambdaOutcome outcome = response.StepFor(count) switch
        {
            { Throw: { } error } => new LambdaOutcome.Failed(error.Error, error.Cause),
            { } step => new LambdaOutcome.Mocked(step.Return?.DeepClone()),
            // Every invocation must have an entry, otherwise the execution fails (States.Runtime is not caught by
            // States.ALL, so the execution ends here as it does on the emulators).
            null => new LambdaOutcome.Failed("States.Runtime",
                $"Mocked response '{response.Name}' of test case '{TestCase.TestCaseName}' has no entry for invocation {count} of state '{invocation.StateName}'."),
        };
        return new ValueTask<LambdaOutcome>(outcome);
    }

    private sealed class StrongBox
    {
        public int Value;
    }
}
