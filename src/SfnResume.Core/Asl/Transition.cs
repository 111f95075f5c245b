namespace SfnResume.Core.Asl;

/// <summary>Where a state goes when it completes: to a named state, or the end of its scope. Never both.</summary>
public abstract record Transition
{
    private Transition()
    {
    }

    /// <summary>The shared <c>"End": true</c> transition.</summary>
    public static Transition End { get; } = new EndTransition();

    public static Transition To(string next) => new NextTransition(next);

    /// <summary>The target state name, or null for <see cref="End"/>.</summary>
    public string? NextState => this is NextTransition n ? n.Next : null;

    public bool IsEnd => this is EndTransition;

    /// <summary><c>"Next": "name"</c>.</summary>
    public sealed record NextTransition(string Next) : Transition;

    /// <summary><c>"End": true</c>.</summary>
    public sealed record EndTransition : Transition;
}
