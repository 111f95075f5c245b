using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;

namespace SfnResume.Engine.Tests.Support;

/// <summary>
/// Functions named "block*" wait until released or cancelled (they stand for long-running Lambdas); "fail" fails
/// at once; anything else returns its input.
/// </summary>
internal sealed class BlockingInvoker : ILambdaInvoker
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _blocked;
    private int _calls;

    /// <summary>Calls made so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes once <see cref="ExpectedBlocked"/> calls are waiting.</summary>
    public TaskCompletionSource AllBlocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ExpectedBlocked { get; init; } = int.MaxValue;

    public void Release() => _release.TrySetResult();

    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (invocation.Function.Name.StartsWith("block", StringComparison.Ordinal))
        {
            return WaitAsync(invocation, cancellationToken);
        }

        return new ValueTask<LambdaOutcome>(invocation.Function.Name == "fail"
            ? new LambdaOutcome.Failed("Broken", "it broke")
            : new LambdaOutcome.Succeeded(invocation.Payload?.DeepClone()));
    }

    private async ValueTask<LambdaOutcome> WaitAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _blocked) >= ExpectedBlocked)
        {
            AllBlocked.TrySetResult();
        }

        await _release.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new LambdaOutcome.Succeeded(JsonValue.Create(invocation.Function.Name));
    }
}
