using System.Collections.Immutable;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// A state's <c>Retry</c> and <c>Catch</c> (https://states-language.net/#errors). On an error the first retrier
/// whose <c>ErrorEquals</c> matches decides: retry while its own counter is below <c>MaxAttempts</c>, otherwise
/// the catchers are tried in order. <c>States.Runtime</c> and <c>States.DataLimitExceeded</c> match nothing.
/// </summary>
internal sealed class ErrorHandling
{
    private readonly CompiledRetrier[] _retriers;
    private readonly CompiledCatcher[] _catchers;
    private readonly TimeSpan? _pauseOverride;

    public ErrorHandling(string stateName, ImmutableArray<Retrier> retry, ImmutableArray<Catcher> @catch, EngineOptions options, bool jsonata = false)
    {
        _retriers = [.. retry.Select(r => new CompiledRetrier(r))];
        _catchers = [.. @catch.Select(c => new CompiledCatcher(c, jsonata))];
        if (options.RetryPauseOverrides is { } overrides && overrides.TryGetValue(stateName, out var pause))
        {
            _pauseOverride = pause;
        }
    }

    public bool IsEmpty => _retriers.Length == 0 && _catchers.Length == 0;

    public IEnumerable<string> CatchTargets => _catchers.Select(c => c.NextName);

    public bool ReadsContext => _catchers.Any(c => (c.Assign?.ReadsContext ?? false) || (c.Jsonata?.ReadsContext ?? false));

    public void Link(Func<string, StateNode> resolve)
    {
        foreach (var catcher in _catchers)
        {
            catcher.Target = resolve(catcher.NextName);
        }
    }

    /// <summary>
    /// Returns the pause before the next attempt, or null when the error is not retried.
    /// <paramref name="counters"/> (one per retrier) is created on the first failure.
    /// </summary>
    public TimeSpan? NextRetry(string? error, ref int[]? counters, Func<double> random)
    {
        var name = error ?? "";
        if (ErrorMatcher.IsTerminal(name) && !IsCatchableDataLimit(name))
        {
            return null;
        }

        for (var i = 0; i < _retriers.Length; i++)
        {
            var retrier = _retriers[i];
            if (!Matches(retrier.ErrorEquals, name))
            {
                continue;
            }

            counters ??= new int[_retriers.Length];
            if (counters[i] >= retrier.MaxAttempts)
            {
                return null;
            }

            var pause = _pauseOverride ?? RetryBackoff.Compute(
                retrier.IntervalSeconds, retrier.BackoffRate, retrier.MaxDelaySeconds, retrier.FullJitter, counters[i], retrier.FullJitter ? random() : 0);
            counters[i]++;
            return pause;
        }

        return null;
    }

    /// <summary>The first catcher that matches, or null.</summary>
    public CompiledCatcher? FindCatcher(string? error)
    {
        var name = error ?? "";
        foreach (var catcher in _catchers)
        {
            if (Matches(catcher.ErrorEquals, name))
            {
                return catcher;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>ErrorMatcher</c> treats States.DataLimitExceeded as terminal, which holds for a state's own output. A task
    /// whose result is too large fails with it as a task failure, and recordings show <c>States.ALL</c> and an explicit
    /// <c>States.DataLimitExceeded</c> catching that.
    /// </summary>
    private static bool Matches(string[] errorEquals, string error)
    {
        if (!IsCatchableDataLimit(error))
        {
            return ErrorMatcher.Matches(errorEquals, error);
        }

        foreach (var name in errorEquals)
        {
            if (name is StatesErrorNames.All or StatesErrorNames.DataLimitExceeded)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCatchableDataLimit(string error) => error == TaskResultTooLarge;

    /// <summary>The error name a task failure carries when the task's result exceeds the payload quota.</summary>
    public const string TaskResultTooLarge = StatesErrorNames.DataLimitExceeded;

    private sealed class CompiledRetrier(Retrier retrier)
    {
        public string[] ErrorEquals { get; } = [.. retrier.ErrorEquals];

        public int MaxAttempts { get; } = retrier.MaxAttempts;

        public decimal IntervalSeconds { get; } = retrier.IntervalSeconds;

        public decimal BackoffRate { get; } = retrier.BackoffRate;

        public decimal? MaxDelaySeconds { get; } = retrier.MaxDelaySeconds;

        public bool FullJitter { get; } = retrier.JitterStrategy == JitterStrategy.Full;
    }
}

/// <summary>One <c>Catch</c> entry: the error output goes into the state's raw input at <c>ResultPath</c>.</summary>
internal sealed class CompiledCatcher(Catcher catcher, bool jsonata)
{
    /// <summary>In a JSONata state: the catcher's <c>Output</c> and <c>Assign</c>, which read <c>$states.errorOutput</c>.</summary>
    public JsonataOutcome? Jsonata { get; } = jsonata ? JsonataOutcome.Compile(catcher.Output, catcher.Assign) : null;

    public string[] ErrorEquals { get; } = [.. catcher.ErrorEquals];

    public string NextName { get; } = catcher.Next;

    public ResultPathField ResultPath { get; } = ResultPathField.Compile(catcher.ResultPath);

    public AssignField? Assign { get; } = jsonata ? null : AssignField.Compile(catcher.Assign);

    public StateNode? Target { get; set; }

    /// <summary>The state's output when this catcher handles <paramref name="failure"/>; the state's OutputPath is not applied (recorded).</summary>
    public Payload Output(Payload rawInput, Failure failure) =>
        ResultPath.Apply(rawInput, Payload.FromNode(failure.ToErrorOutput()));
}
