using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace SfnResume.Cli.Infrastructure;

/// <summary>
/// A file's bytes read through a read-only memory mapping instead of copied into a new array. For a large input
/// (a 25,000-event history is about 26 MB) that saves zeroing and copying the whole file and about one page fault
/// per 4 KiB: the mapping shares the page cache, and the kernel maps file pages around each fault in batches.
/// Small files and pipes are read into an array as usual. Disposing unmaps: nothing read from <see cref="Memory"/> may be
/// used afterwards.
/// </summary>
/// <remarks>The mapping reflects the file as it is: a file truncated by another process while it is mapped would
/// fault on access, so it is used only by commands that read their input once and exit.</remarks>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    /// <summary>Below this size a plain read costs less than setting up a mapping.</summary>
    private const long MapThreshold = 1L << 20;

    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte[]? _bytes;
    private readonly int _length;
    private byte* _pointer;

    private MappedFile(byte[] bytes)
    {
        _bytes = bytes;
        _length = bytes.Length;
    }

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, int length)
    {
        _file = file;
        _view = view;
        _length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointer = pointer + view.PointerOffset;
    }

    /// <summary>The file's bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes ?? Memory;

    /// <summary>Opens <paramref name="path"/>; IO problems become one line naming the file and <paramref name="optionName"/>.</summary>
    public static MappedFile Open(string path, string optionName)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (!stream.CanSeek)
            {
                // A pipe (--history /dev/stdin): read to its end.
                var copy = new MemoryStream();
                stream.CopyTo(copy);
                return new MappedFile(copy.ToArray());
            }

            var length = stream.Length;
            if (length < MapThreshold || length > int.MaxValue)
            {
                // Over 2 GiB is no history AWS writes; reading it reports what reading any file that large does.
                return new MappedFile(File.ReadAllBytes(path));
            }

            var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, capacity: 0, MemoryMappedFileAccess.Read,
                HandleInheritability.None, leaveOpen: false);
            try
            {
                var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
                return new MappedFile(file, view, (int)length);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliFiles.ReadError(path, optionName, ex);
        }
    }

    public override Span<byte> GetSpan() => _bytes ?? new Span<byte>(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, _length);
        if (_bytes is not null)
        {
            var handle = System.Runtime.InteropServices.GCHandle.Alloc(_bytes, System.Runtime.InteropServices.GCHandleType.Pinned);
            return new MemoryHandle((byte*)handle.AddrOfPinnedObject() + elementIndex, handle);
        }

        // Mapped memory does not move.
        return new MemoryHandle(_pointer + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_pointer is not null && _view is not null)
        {
            _pointer = null;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file?.Dispose();
        }
    }
}
