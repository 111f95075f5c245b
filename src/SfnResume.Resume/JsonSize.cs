using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Resume;

/// <summary>
/// The length of a node's compact JSON text (<see cref="JsonNode.ToJsonString"/> with default options) without
/// building it: checking a 600 KB definition against the CreateStateMachine size limit should not put a second,
/// 1.2 MB string of it on the large-object heap.
/// </summary>
internal static class JsonSize
{
    /// <summary>The text's length in UTF-8 bytes; the default encoder escapes all non-ASCII, so also in chars.</summary>
    public static long Utf8Length(JsonNode node)
    {
        var counter = new CountingBufferWriter();
        using (var writer = new Utf8JsonWriter(counter))
        {
            node.WriteTo(writer);
        }

        return counter.Written;
    }

    /// <summary>Hands out the same scratch buffer every time and only counts what is written into it.</summary>
    private sealed class CountingBufferWriter : IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public long Written { get; private set; }

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            if (sizeHint > _scratch.Length)
            {
                _scratch = new byte[sizeHint];
            }

            return _scratch;
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
