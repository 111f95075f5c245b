using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>Date/time functions and the AWS Step Functions additions.</summary>
internal static partial class Builtins
{
    private static DateTimeOffset Now(CallContext c) =>
        c.State.Timestamp ?? throw new InvalidOperationException("No clock configured in JsonataEnvironment.Clock.");

    private static void AddDateTime(Action<string, string, NativeImplementation> add)
    {
        add("now", "<s?s?:s>", (c, a) => DateTimeFormatter.FromMillis(Now(c).ToUnixTimeMilliseconds(), a.Count > 0 ? a[0] as string : null, a.Count > 1 ? a[1] as string : null));
        add("millis", "<:n>", (c, a) => (double)Now(c).ToUnixTimeMilliseconds());
        add("fromMillis", "<n-s?s?:s>", (c, a) => a[0] is double ms ? DateTimeFormatter.FromMillis(ms, a.Count > 1 ? a[1] as string : null, a.Count > 2 ? a[2] as string : null) : null);
        add("toMillis", "<s-s?:n>", (c, a) => a[0] is string s ? DateTimeFormatter.ToMillis(s, a.Count > 1 ? a[1] as string : null, c.State.Timestamp) : null);
    }

    private static System.Collections.Frozen.FrozenDictionary<string, NativeFunction> BuildStepFunctions()
    {
        var d = new Dictionary<string, NativeFunction>(StringComparer.Ordinal);
        void Add(string name, string sig, NativeImplementation impl) => d[name] = new NativeFunction(name, sig, impl);

        // https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html (JSONata functions provided by Step Functions)
        Add("partition", "<an:a>", (c, a) =>
        {
            if (a[0] is not JList l)
            {
                return null;
            }

            var size = (double)a[1]!;
            if (size < 1 || Math.Floor(size) != size)
            {
                throw JsonataException.WithText("D3001", "Invalid chunk size. Chunk size must be a positive integer.", c.Position, c.Token);
            }

            var result = new JList();
            for (var i = 0; i < l.Count; i += (int)size)
            {
                var chunk = new JList();
                for (var j = i; j < Math.Min(l.Count, i + (int)size); j++)
                {
                    chunk.Add(l[j]);
                }

                result.Add(chunk);
            }

            return result;
        });
        Add("range", "<nnn?:a>", (c, a) =>
        {
            var start = (double)a[0]!;
            var end = (double)a[1]!;
            var step = a.Count > 2 && a[2] is double s ? s : 1;
            if (step == 0)
            {
                throw JsonataException.WithText("D3001", "Step must not be zero.", c.Position, c.Token);
            }

            var result = new JList();
            for (var v = start; step > 0 ? v <= end : v >= end; v += step)
            {
                result.Add(v);
                if (result.Count > 1_000)
                {
                    throw JsonataException.WithText("D3001", "Range exceeds the maximum number of elements (1000).", c.Position, c.Token);
                }
            }

            return result;
        });
        Add("hash", "<s-s?:s>", (c, a) =>
        {
            if (a[0] is not string s)
            {
                return null;
            }

            var algorithm = a.Count > 1 && a[1] is string alg ? alg : "SHA-256";
            var bytes = Encoding.UTF8.GetBytes(s);
            var hash = algorithm switch
            {
                "MD5" => MD5.HashData(bytes),
                "SHA-1" => SHA1.HashData(bytes),
                "SHA-256" => SHA256.HashData(bytes),
                "SHA-384" => SHA384.HashData(bytes),
                "SHA-512" => SHA512.HashData(bytes),
                _ => throw JsonataException.WithText("D3001", "Unsupported hash algorithm: " + algorithm + ". Supported algorithms are MD5, SHA-1, SHA-256, SHA-384, SHA-512.", c.Position, c.Token),
            };
            return Convert.ToHexStringLower(hash);
        });
        Add("random", "<n?:n>", (c, a) => a.Count > 0 && a[0] is double seed ? new Random((int)seed).NextDouble() : NextRandom(c));
        Add("uuid", "<:s>", (c, a) =>
        {
            Span<byte> bytes = stackalloc byte[16];
            if (c.State.Environment.RandomBytes is { } fill)
            {
                fill(bytes);
            }
            else
            {
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = (byte)Math.Floor(NextRandom(c) * 256);
                }
            }

            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            var hex = Convert.ToHexStringLower(bytes);
            return string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
        });
        Add("parse", "<s-:x>", (c, a) =>
        {
            if (a[0] is not string s)
            {
                return null;
            }

            try
            {
                return Values.FromNode(JsonNode.Parse(s));
            }
            catch (JsonException e)
            {
                throw JsonataException.WithText("D3001", "Unable to parse JSON string: " + e.Message, c.Position, c.Token);
            }
        });
        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(d, StringComparer.Ordinal);
    }
}
