using System.Buffers;

namespace SfnResume.Cli.Commands.Plan;

/// <summary>
/// Lets a <see cref="System.Text.Json.Utf8JsonWriter"/> write a large document to a stream through one small buffer:
/// what it has committed goes to the stream whenever it asks for more room (see <see cref="TextWriterBufferWriter"/>).
/// </summary>
internal sealed class StreamBufferWriter(Stream output) : IBufferWriter<byte>
{
    private byte[] _bytes = new byte[64 * 1024];
    private int _pending;

    public void Advance(int count) => _pending += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (_bytes.Length - _pending < Math.Max(sizeHint, 1))
        {
            Flush();
            if (_bytes.Length < sizeHint)
            {
                _bytes = new byte[sizeHint];
            }
        }

        return _bytes.AsMemory(_pending);
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    /// <summary>Writes what is committed to the stream.</summary>
    public void Flush()
    {
        output.Write(_bytes, 0, _pending);
        _pending = 0;
    }
}
