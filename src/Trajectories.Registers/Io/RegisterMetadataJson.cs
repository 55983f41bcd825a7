using System.Text.Json;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// Reads and writes <c>register.json</c> (INTERFACES.md §1): snake_case keys, year ranges as <c>[first, last]</c>,
/// <c>lvb_years</c> keyed by source code, <c>synthetic</c> an object or null.
/// </summary>
/// <remarks>
/// Parsed by hand from a <see cref="JsonDocument"/> rather than by a serializer so that every problem names the key
/// and what was expected. Missing optional keys take the study defaults of <see cref="RegisterMetadata"/>; unknown
/// keys are ignored so that newer files stay readable. <c>name</c> is required.
/// </remarks>
public static class RegisterMetadataJson
{
    /// <summary>
    /// The calendar years a register's year ranges may span: no register has data before 1900 or after 2100, and a
    /// range far outside (±2^31) would make every window arithmetic overflow.
    /// </summary>
    public static YearRange PlausibleYears { get; } = new(1900, 2100);

    /// <summary>The largest <c>min_age</c>: nobody is older, so a larger one leaves every panel empty.</summary>
    public const int MaxMinAge = 120;

    /// <summary>The file name inside a register folder.</summary>
    public const string FileName = "register.json";

    /// <summary>Reads <c>register.json</c> from <paramref name="path"/>; errors are <see cref="InputException"/>s naming it.</summary>
    public static RegisterMetadata Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, null, $"cannot read the register metadata: {e.Message}", e);
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses <c>register.json</c> content; <paramref name="fileName"/> is used in messages.</summary>
    public static RegisterMetadata Parse(ReadOnlySpan<byte> json, string fileName)
    {
        // Editors on Windows save UTF-8 with a byte-order mark; the JSON parser would take it for a syntax error.
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        // The parser accepts invalid UTF-8 inside strings and fails only when a string is read, with an exception
        // that names no position.
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            using var bytes = new MemoryStream(json.ToArray());
            var at = Utf8Position.Find(bytes);
            throw new InputException(fileName, at?.Line, null, at is { } p
                ? $"the file is not valid UTF-8: byte 0x{p.Byte:X2} at byte {p.Offset} of the line."
                : "the file is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            // JsonException counts lines from 0; InputException from 1.
            // The parser's own message repeats the position counted from 0; the position is given once, from 1.
            var reason = e.Message;
            var at = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = at > 0 ? reason[..at] : reason;
            throw new InputException(fileName, e.LineNumber + 1, null, $"malformed JSON at byte {e.BytePositionInLine + 1} of the line: {reason}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException(fileName, null, null, "expected a JSON object.");
            }

            var defaults = new RegisterMetadata { Name = string.Empty };
            return new RegisterMetadata
            {
                Name = String(root, "name", fileName) ?? throw new InputException(fileName, null, "name", "the required key 'name' is missing."),
                Description = String(root, "description", fileName) ?? defaults.Description,
                CaseYears = Range(root, "case_years", fileName) ?? defaults.CaseYears,
                VictimisationYears = Range(root, "victimisation_years", fileName) ?? defaults.VictimisationYears,
                LvbYears = LvbYears(root, fileName),
                MinAge = MinAge(root, fileName) ?? defaults.MinAge,
                Synthetic = Synthetic(root, fileName),
            };
        }
    }

    /// <summary>Writes <paramref name="metadata"/> as indented JSON to <paramref name="path"/>.</summary>
    public static void Write(string path, RegisterMetadata metadata) => File.WriteAllBytes(path, ToBytes(metadata));

    /// <summary>Serialises <paramref name="metadata"/> as indented UTF-8 JSON.</summary>
    public static byte[] ToBytes(RegisterMetadata metadata)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", metadata.Name);
            w.WriteString("description", metadata.Description);
            WriteRange(w, "case_years", metadata.CaseYears);
            WriteRange(w, "victimisation_years", metadata.VictimisationYears);
            w.WriteStartObject("lvb_years");
            foreach (var (source, range) in metadata.LvbYears.OrderBy(p => p.Key))
            {
                WriteRange(w, Codes.Of(source), range);
            }

            w.WriteEndObject();
            w.WriteNumber("min_age", metadata.MinAge);
            WriteSynthetic(w, metadata.Synthetic);

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteRange(Utf8JsonWriter w, string key, YearRange range)
    {
        w.WriteStartArray(key);
        w.WriteNumberValue(range.First);
        w.WriteNumberValue(range.Last);
        w.WriteEndArray();
    }

    private static JsonElement? Get(JsonElement obj, string key) =>
        obj.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement obj, string key, string file)
    {
        if (Get(obj, key) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InputException(file, null, key, $"expected a string, found {value.ValueKind}.");
    }

    private static int? Int(JsonElement obj, string key, string file)
    {
        if (Get(obj, key) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i)
            ? i
            : throw new InputException(file, null, key, $"expected an integer, found {MessageText.Quote(value.GetRawText())}.");
    }

    private static int? MinAge(JsonElement root, string file)
    {
        var age = Int(root, "min_age", file);
        return age is null or (>= 0 and <= MaxMinAge)
            ? age
            : throw new InputException(file, null, "min_age", $"min_age {age} is outside 0–{MaxMinAge}; expected the youngest age in the panels (the study uses 12).");
    }

    private static YearRange? Range(JsonElement obj, string key, string file)
    {
        if (Get(obj, key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
            && value[0].TryGetInt32(out var first) && value[1].TryGetInt32(out var last))
        {
            if (first > last)
            {
                throw new InputException(file, null, key, $"the first year {first} is after the last {last}; expected [first, last].");
            }

            return PlausibleYears.Contains(first) && PlausibleYears.Contains(last)
                ? new YearRange(first, last)
                : throw new InputException(file, null, key, $"[{first}, {last}] is outside the plausible calendar years {PlausibleYears.First}–{PlausibleYears.Last}.");
        }

        throw new InputException(file, null, key, $"expected [first, last] as two integer years, found {MessageText.Quote(value.GetRawText())}.");
    }

    private static IReadOnlyDictionary<LvbSource, YearRange> LvbYears(JsonElement root, string file)
    {
        if (Get(root, "lvb_years") is not { } value)
        {
            return RegisterMetadata.DefaultLvbYears;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, null, "lvb_years", "expected an object of source → [first, last].");
        }

        // A source left out keeps its study window, so a file may override one source only.
        var result = new Dictionary<LvbSource, YearRange>(RegisterMetadata.DefaultLvbYears);
        foreach (var property in value.EnumerateObject())
        {
            if (!Codes.TryParse(property.Name, out LvbSource source))
            {
                throw new InputException(file, null, "lvb_years", $"unknown LVB source {MessageText.Quote(property.Name)}; expected {Codes.List<LvbSource>(Codes.Of)}.");
            }

            result[source] = Range(value, property.Name, file)!.Value;
        }

        return result;
    }

    private static SyntheticInfo? Synthetic(JsonElement root, string file)
    {
        if (Get(root, "synthetic") is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, null, "synthetic", "expected an object {generator_version, seed, scale} or null.");
        }

        var version = String(value, "generator_version", file) ?? string.Empty;
        ulong seed = 0;
        if (Get(value, "seed") is { } s && !(s.ValueKind == JsonValueKind.Number && s.TryGetUInt64(out seed)))
        {
            throw new InputException(file, null, "seed", $"expected a non-negative integer seed, found {MessageText.Quote(s.GetRawText())}.");
        }

        var scale = Int(value, "scale", file) ?? 0;
        if (scale < 0)
        {
            throw new InputException(file, null, "scale", $"expected the number of offenders generated (0 or more), found {scale}.");
        }

        return new SyntheticInfo(version, seed, scale);
    }

    /// <summary>
    /// Writes the <c>synthetic</c> member ({generator_version, seed, scale} or null): the same shape wherever a register's
    /// origin is reported (register.json, results.json).
    /// </summary>
    public static void WriteSynthetic(Utf8JsonWriter w, SyntheticInfo? synthetic)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (synthetic is null)
        {
            w.WriteNull("synthetic");
            return;
        }

        w.WriteStartObject("synthetic");
        w.WriteString("generator_version", synthetic.GeneratorVersion);
        w.WriteNumber("seed", synthetic.Seed);
        w.WriteNumber("scale", synthetic.Scale);
        w.WriteEndObject();
    }
}
