using System.Buffers;
using System.Text;

namespace Trajectories.Registers.Io;

/// <summary>Where the first invalid UTF-8 sequence of a stream is: the 1-based line, the 1-based byte in it, the byte.</summary>
internal readonly record struct Utf8Position(long Line, long Offset, byte Byte)
{
    /// <summary>
    /// Scans <paramref name="stream"/> from its start for the first invalid UTF-8 sequence; null when the stream
    /// cannot be read again (not seekable) or holds none.
    /// </summary>
    public static Utf8Position? Find(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        stream.Seek(0, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        var length = 0;
        long line = 1;
        long lineStart = 0;
        long consumed = 0;
        while (true)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            length += read;
            var end = read == 0;
            var pos = 0;
            while (pos < length)
            {
                var status = Rune.DecodeFromUtf8(buffer.AsSpan(pos, length - pos), out _, out var used);
                if (status == OperationStatus.NeedMoreData && !end)
                {
                    break;
                }

                if (status != OperationStatus.Done)
                {
                    return new Utf8Position(line, consumed + pos - lineStart + 1, buffer[pos]);
                }

                if (buffer[pos] == (byte)'\n')
                {
                    line++;
                    lineStart = consumed + pos + 1;
                }

                pos += used;
            }

            if (end)
            {
                return null;
            }

            // A sequence cut by the end of the buffer moves to its front and is decoded with the next read.
            buffer.AsSpan(pos, length - pos).CopyTo(buffer);
            consumed += pos;
            length -= pos;
        }
    }
}
