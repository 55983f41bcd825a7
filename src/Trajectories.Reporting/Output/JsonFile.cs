using System.Text;
using System.Text.Json;
using Trajectories.Reporting.Fits;

namespace Trajectories.Reporting.Output;

/// <summary>Writes one JSON document to a file as every result file of the tool is written: indented, ending in a newline.</summary>
public static class JsonFile
{
    /// <summary>Creates <paramref name="path"/> and lets <paramref name="write"/> fill it.</summary>
    public static void Write(string path, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = File.Create(path);
        using (var writer = new Utf8JsonWriter(stream, JsonNumbers.Indented))
        {
            write(writer);
        }

        stream.Write(Encoding.UTF8.GetBytes("\n"));
    }
}
