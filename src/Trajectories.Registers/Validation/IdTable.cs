using System.Buffers;
using System.Text;

namespace Trajectories.Registers.Validation;

/// <summary>
/// A compact set of id strings, each given a dense index in order of insertion. Ids are kept as UTF-8 bytes in one
/// growing array with an open-addressing hash table of indices over it, so millions of ids cost a few bytes each
/// plus their text, instead of a string object and a dictionary entry apiece.
/// </summary>
public sealed class IdTable
{
    private const int StackChars = 64;

    private byte[] _arena = new byte[1 << 16];
    private int _arenaLength;
    private int[] _ends = new int[1024];
    private int[] _slots = new int[2048];
    private int _count;

    /// <summary>Number of ids.</summary>
    public int Count => _count;

    /// <summary>Approximate bytes held by the table's arrays.</summary>
    public long Bytes => _arena.LongLength + (4L * _ends.Length) + (4L * _slots.Length);

    /// <summary>The index of <paramref name="id"/>, or -1 when absent.</summary>
    public int Find(ReadOnlySpan<char> id)
    {
        byte[]? rented = null;
        var bytes = Encode(id, id.Length <= StackChars ? stackalloc byte[3 * StackChars] : default, ref rented);
        try
        {
            var slot = Probe(bytes, Hash(bytes));
            return _slots[slot] - 1;
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>The index of <paramref name="id"/>, adding it when absent (<paramref name="added"/> says which).</summary>
    public int GetOrAdd(ReadOnlySpan<char> id, out bool added)
    {
        byte[]? rented = null;
        var bytes = Encode(id, id.Length <= StackChars ? stackalloc byte[3 * StackChars] : default, ref rented);
        try
        {
            var hash = Hash(bytes);
            var slot = Probe(bytes, hash);
            if (_slots[slot] != 0)
            {
                added = false;
                return _slots[slot] - 1;
            }

            Append(bytes);
            _slots[slot] = _count;
            added = true;

            // Keep the load at most one half so probe chains stay short.
            if (2 * _count > _slots.Length)
            {
                Rehash();
            }

            return _count - 1;
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>
    /// Gives back the growth slack of the id arrays (up to half of them) once no more ids will be added; the hash
    /// slots stay (they must keep the load at most one half). Adding after this still works, it just grows again.
    /// </summary>
    public void TrimExcess()
    {
        Array.Resize(ref _arena, Math.Max(1, _arenaLength));
        Array.Resize(ref _ends, Math.Max(1, _count));
    }

    /// <summary>The id at <paramref name="index"/>, as a new string (for messages).</summary>
    public string this[int index] => Encoding.UTF8.GetString(IdBytes(index));

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var h = default(HashCode);
        h.AddBytes(bytes);
        return h.ToHashCode();
    }

    private static Span<byte> Encode(ReadOnlySpan<char> id, Span<byte> stack, ref byte[]? rented)
    {
        // Ids are short: encode on the stack, renting only for unusually long ones.
        var buffer = stack.IsEmpty ? (rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(id.Length))) : stack;
        var n = Encoding.UTF8.GetBytes(id, buffer);
        return buffer[..n];
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private ReadOnlySpan<byte> IdBytes(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _arena.AsSpan(start, _ends[index] - start);
    }

    private int Probe(ReadOnlySpan<byte> bytes, int hash)
    {
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] != 0 && !IdBytes(_slots[slot] - 1).SequenceEqual(bytes))
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_arenaLength + bytes.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + bytes.Length));
        }

        bytes.CopyTo(_arena.AsSpan(_arenaLength));
        _arenaLength += bytes.Length;
        if (_count == _ends.Length)
        {
            Array.Resize(ref _ends, _count * 2);
        }

        _ends[_count++] = _arenaLength;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            var bytes = IdBytes(i);
            _slots[Probe(bytes, Hash(bytes))] = i + 1;
        }
    }
}
