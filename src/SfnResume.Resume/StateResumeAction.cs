namespace SfnResume.Resume;

/// <summary>What the resumed run does with one state, branch or iteration of the failed run.</summary>
public enum ResumeAction
{
    /// <summary>It finished before the resume point; the copy jumps over it.</summary>
    Skip,

    /// <summary>A branch or iterations that succeeded: the recorded output takes their place, nothing runs.</summary>
    Reuse,

    /// <summary>It runs again from its start (a branch or iteration that never started, or a fallback).</summary>
    RunAgain,

    /// <summary>The resumed run starts here, with the state's recorded input.</summary>
    ResumeHere,
}

/// <summary>
/// One line of the plan's picture: a path such as <c>Outer/branch 1/Charge</c> or <c>Items/iteration 0..41</c>
/// (branch and iteration numbers from 0), what happens there and, for a fallback, why.
/// </summary>
public sealed record StateResumeAction(string Path, ResumeAction Action, string? Note = null)
{
    /// <summary><c>skip</c>, <c>reuse</c>, <c>run-again</c>, <c>resume-here</c>.</summary>
    public string ActionName => Action switch
    {
        ResumeAction.Skip => "skip",
        ResumeAction.Reuse => "reuse",
        ResumeAction.RunAgain => "run-again",
        _ => "resume-here",
    };
}
