using System.Text.Json;

namespace Trajectories.Reporting.Fits;

/// <summary>JSON helpers that never emit NaN or infinity: a value that is not finite is written as null.</summary>
public static class JsonNumbers
{
    /// <summary>Writes a number, or null when it is missing or not finite.</summary>
    public static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an array of numbers (non-finite entries as null).</summary>
    public static void Numbers(Utf8JsonWriter writer, string name, IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            if (value is { } v && double.IsFinite(v))
            {
                writer.WriteNumberValue(v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Options for indented, stable output.</summary>
    public static JsonWriterOptions Indented { get; } = new()
    {
        Indented = true,

        // Results are files for people and tools, not HTML: keep apostrophes and non-ASCII letters readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
