using System.Collections.Concurrent;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// Runs recorded cases through an engine, normalises what it returns and compares it with the recording.
/// Cases run in parallel, each with its own fast-forwarding virtual clock and a real-time timeout; an engine
/// that throws, hangs or cannot run a case yet makes that case fail, never the run.
/// </summary>
public sealed class ConformanceRunner(IConformanceEngine engine, ConformanceRunnerOptions? options = null)
{
    private readonly ConformanceRunnerOptions _options = options ?? new ConformanceRunnerOptions();

    public async Task<ConformanceRunReport> RunAsync(IEnumerable<ConformanceCase> cases, CancellationToken cancellationToken = default)
    {
        var list = cases.ToList();
        var results = new ConcurrentDictionary<int, ConformanceCaseResult>();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), parallel, async (index, ct) =>
            results[index] = await RunCaseAsync(list[index], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new ConformanceRunReport([.. Enumerable.Range(0, list.Count).Select(i => results[i])]);
    }

    public async Task<ConformanceCaseResult> RunCaseAsync(ConformanceCase @case, CancellationToken cancellationToken = default)
    {
        long started = _options.WallClock.GetTimestamp();
        ConformanceCaseResult Result(ConformanceOutcome outcome, string? reason, ConformanceMismatch? mismatch = null) =>
            new(@case.Id, @case.SourceFile, @case.Categories, outcome, reason, mismatch, _options.WallClock.GetElapsedTime(started));

        if (_options.Skips.TryGetValue(@case.Id, out var skipReason))
        {
            return Result(ConformanceOutcome.Skipped, skipReason);
        }

        var clock = new FastForwardTimeProvider(_options.VirtualStart);
        var start = clock.GetUtcNow();
        var request = CreateRequest(@case, clock);
        ConformanceExecution execution;
        using (var timeout = new CancellationTokenSource(_options.CaseTimeout, _options.WallClock))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                execution = await engine.RunAsync(request, linked.Token)
                    .WaitAsync(_options.CaseTimeout, _options.WallClock, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && timeout.IsCancellationRequested))
            {
                return Result(ConformanceOutcome.Failed, $"timed out after {_options.CaseTimeout.TotalSeconds:0.#} s");
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Result(ConformanceOutcome.Failed, $"engine error: {e.GetType().Name}: {FirstLine(e.Message)}");
            }
        }

        NormalisedExecution normalised;
        try
        {
            normalised = new ConformanceNormaliser(@case, start, _options.Environment).Normalise(execution);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Result(ConformanceOutcome.Failed, $"engine result cannot be normalised: {e.GetType().Name}: {FirstLine(e.Message)}");
        }

        var mismatch = ConformanceComparer.Compare(@case, normalised, _options.Comparison);
        return mismatch is null
            ? Result(ConformanceOutcome.Passed, null)
            : Result(ConformanceOutcome.Failed, mismatch.ToString(), mismatch);
    }

    /// <summary>The request for one case: recorded names in the configured account and region, input filled.</summary>
    public ConformanceRunRequest CreateRequest(ConformanceCase @case, TimeProvider clock)
    {
        var env = _options.Environment;
        string prefix = $"arn:aws:states:{env.Region}:{env.AccountId}:";
        string executionKind = @case.StateMachineType.Equals("EXPRESS", StringComparison.OrdinalIgnoreCase) ? "express" : "execution";
        string input = @case.InputIsTemplate ? InputTemplate.Fill(@case.Input, clock.GetUtcNow()) : @case.Input;
        return new ConformanceRunRequest(
            @case,
            input,
            $"{prefix}stateMachine:{@case.StateMachineName}",
            $"{prefix}{executionKind}:{@case.StateMachineName}:{@case.ExecutionName}",
            clock,
            env)
        {
            StopAfterFirstStateEntered = @case.ApiCallsDuringExecution.Contains("stop_execution"),
            StopAfterEvents = @case.ExpectedStatus == "RUNNING" ? @case.ExpectedEvents?.GetArrayLength() : null,
        };
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        string line = newline < 0 ? text : text[..newline];
        return line.Length <= 300 ? line : line[..300];
    }
}
