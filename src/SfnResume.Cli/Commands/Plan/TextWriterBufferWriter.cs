using System.Buffers;
using System.Text;

namespace SfnResume.Cli.Commands.Plan;

/// <summary>
/// Lets a <see cref="System.Text.Json.Utf8JsonWriter"/> write megabytes of JSON to a <see cref="TextWriter"/> through
/// one small buffer: what the JSON writer has committed is decoded and passed on whenever it asks for more room,
/// instead of first building the whole text as bytes and again as a string.
/// </summary>
internal sealed class TextWriterBufferWriter(TextWriter output) : IBufferWriter<byte>
{
    private const int ChunkSize = 64 * 1024;

    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private byte[] _bytes = new byte[ChunkSize];
    private char[] _chars = new char[ChunkSize];
    private int _pending;

    public void Advance(int count) => _pending += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (_bytes.Length - _pending < Math.Max(sizeHint, 1))
        {
            Flush(final: false);
            if (_bytes.Length < sizeHint)
            {
                _bytes = new byte[sizeHint];
            }
        }

        return _bytes.AsMemory(_pending);
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    /// <summary>Passes on what is committed; <paramref name="final"/> once the JSON is complete.</summary>
    public void Flush(bool final)
    {
        var count = _decoder.GetCharCount(_bytes, 0, _pending, final);
        if (_chars.Length < count)
        {
            _chars = new char[count];
        }

        var written = _decoder.GetChars(_bytes, 0, _pending, _chars, 0, final);
        output.Write(_chars, 0, written);
        _pending = 0;
    }
}
