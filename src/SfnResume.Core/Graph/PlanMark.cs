namespace SfnResume.Core.Graph;

/// <summary>What a resume will do with a state, as a picture colours it.</summary>
public enum PlanMark
{
    /// <summary>Finished before the resume point; the copy jumps past it.</summary>
    Skip,

    /// <summary>Finished inside a block that runs again; its recorded result is used instead of running it.</summary>
    Reuse,

    /// <summary>Runs again in the copy.</summary>
    RunAgain,

    /// <summary>Where the copy starts.</summary>
    ResumeHere,
}
