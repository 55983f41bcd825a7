using Trajectories.Reporting.Output;
using System.Text.Json;
using Trajectories.Analysis.Publication;
using Trajectories.Reporting.Fits;

namespace Trajectories.Reporting.Analysis;

/// <summary>
/// Writes <c>results.json</c> (schema <see cref="PublishedResults.Schema"/>) from the published tables alone: each
/// table sits at its declared path, a one-row table as an object (with the tables below it as members), any other
/// table as an array of row objects. Values keep their declared types — integers as integers, booleans as booleans,
/// lists as arrays — and null where withheld; the JSON Schema in <c>docs/schema</c> describes every field.
/// </summary>
public static class ResultsJson
{
    /// <summary>Schema identifier.</summary>
    public const string Schema = PublishedResults.Schema;

    /// <summary>Writes the document to <paramref name="path"/>.</summary>
    public static void Write(string path, PublishedResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        JsonFile.Write(path, writer => Write(writer, results));
    }

    /// <summary>Writes the document to a writer.</summary>
    public static void Write(Utf8JsonWriter writer, PublishedResults results)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        var root = PathTree<PublishedTable>.Of(results.Tables, t => t.Declaration);
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        WriteMembers(writer, root);
        writer.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter w, PathTree<PublishedTable> node)
    {
        foreach (var (name, child) in node.Children)
        {
            w.WritePropertyName(name);
            WriteNode(w, child);
        }
    }

    private static void WriteNode(Utf8JsonWriter w, PathTree<PublishedTable> node)
    {
        if (node.Table is { Declaration.SingleRow: false } table)
        {
            if (node.Children.Count > 0)
            {
                throw new InvalidOperationException($"table {table.Name} is an array and cannot hold other tables.");
            }

            w.WriteStartArray();
            foreach (var row in table.Rows)
            {
                WriteRow(w, table, row);
            }

            w.WriteEndArray();
            return;
        }

        w.WriteStartObject();
        if (node.Table is { } single)
        {
            WriteFields(w, single, single.Rows[0]);
        }

        WriteMembers(w, node);
        w.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter w, PublishedTable table, object?[] row)
    {
        w.WriteStartObject();
        WriteFields(w, table, row);
        w.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter w, PublishedTable table, object?[] row)
    {
        for (var c = 0; c < row.Length; c++)
        {
            w.WritePropertyName(table.Columns[c].Name);
            WriteValue(w, row[c]);
        }
    }

    /// <summary>One value as its JSON type.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long[] ints:
                writer.WriteStartArray();
                foreach (var i in ints)
                {
                    writer.WriteNumberValue(i);
                }

                writer.WriteEndArray();
                break;
            case double?[] reals:
                writer.WriteStartArray();
                foreach (var r in reals)
                {
                    WriteValue(writer, r);
                }

                writer.WriteEndArray();
                break;
            case string[] texts:
                writer.WriteStartArray();
                foreach (var t in texts)
                {
                    writer.WriteStringValue(t);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"no JSON rendering for {value.GetType().Name}.", nameof(value));
        }
    }
}
