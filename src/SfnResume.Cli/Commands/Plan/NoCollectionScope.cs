using System.Runtime;

namespace SfnResume.Cli.Commands.Plan;

/// <summary>
/// Asks the GC not to collect while a plan is made and written. Everything <c>plan</c> allocates stays alive until
/// it exits (the history's bytes, the definition's nodes, the timeline, the copy), so a collection frees almost
/// nothing and only copies live objects from one generation to the next: on a 25,000-event history that was most
/// of the GC time of the command. The region is sized from the inputs; when the GC cannot promise that much, or
/// another command in the same process (tests) holds a region, collections simply happen as usual.
/// </summary>
internal sealed class NoCollectionScope : IDisposable
{
    /// <summary>What the GC is asked to allow, at most (it reserves it up front).</summary>
    private const long MaxBytes = 256L * 1024 * 1024;

    private bool _started;

    private NoCollectionScope(bool started) => _started = started;

    /// <summary>
    /// A region for reading <paramref name="historyBytes"/> of history and <paramref name="definitionBytes"/> of
    /// definition: a history's events and timeline take less than its text (the text itself is mapped, not
    /// allocated), a definition's node tree and its rewritten copy take a few dozen times its text.
    /// </summary>
    public static NoCollectionScope Begin(long historyBytes, long definitionBytes)
    {
        var bytes = Math.Min(MaxBytes, historyBytes + (48 * definitionBytes) + (32L * 1024 * 1024));
        try
        {
            return new NoCollectionScope(GC.TryStartNoGCRegion(bytes));
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return new NoCollectionScope(false);
        }
    }

    /// <summary>Ends the region (once) if it is still in force.</summary>
    public void Dispose()
    {
        var started = _started;
        _started = false;
        if (!started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            // Allocating beyond the region ended it with a collection: nothing to end.
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // Ended meanwhile (an induced collection, or the region's memory ran out).
        }
    }
}
