using System.Text;
using System.Text.Json;
using Trajectories.Analysis.Publication;
using Trajectories.Reporting.Fits;

namespace Trajectories.Reporting.Analysis;

/// <summary>
/// The JSON Schema (draft 2020-12) of <c>results.json</c> and the Markdown reference of every published table, both
/// generated from <see cref="PublishedResults.Catalog"/> — the declarations the outputs are rendered from — so the
/// documentation cannot drift from the files. The committed copies in <c>docs/</c> are checked against these by a
/// test (set <c>TRAJ_UPDATE_DOCS=1</c> to rewrite them after a deliberate change).
/// </summary>
public static class ResultsSchema
{
    /// <summary>The schema document.</summary>
    public static string Json()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonNumbers.Indented))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            w.WriteString("$id", "https://trajectories.example/schema/trajectories.analysis.v2.schema.json");
            w.WriteString("title", "results.json of trajectories analyze (" + PublishedResults.Schema + ")");
            var root = PathTree<TableDeclaration>.Of(PublishedResults.Catalog, t => t);
            WriteObject(w, root, true);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The Markdown reference of the tables.</summary>
    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append("# Published results of `analyze` (").Append(PublishedResults.Schema).Append(")\n\n");
        md.Append("Generated from the table declarations in `src/Trajectories.Analysis/Publication` (do not edit by hand; ");
        md.Append("`TRAJ_UPDATE_DOCS=1 dotnet test tests/Trajectories.Reporting.Tests --filter SchemaFiles` rewrites it). ");
        md.Append("Every table is written as `NAME.csv` and `NAME.parquet` and sits in `results.json` at the path shown: a one-row ");
        md.Append("table as an object, any other as an array of row objects. The JSON Schema is ");
        md.Append("[`schema/trajectories.analysis.v2.schema.json`](schema/trajectories.analysis.v2.schema.json).\n\n");
        md.Append("Types: `integer`, `real`, `boolean` and `text` are the same in JSON, CSV and Parquet (Parquet INT64, DOUBLE, ");
        md.Append("BOOLEAN, UTF-8 string); lists are JSON arrays and, in CSV and Parquet, text — numbers separated by spaces (NA for a ");
        md.Append("missing entry), texts by \"; \". A nullable value is null in JSON, an empty CSV cell and a Parquet null.\n\n");
        md.Append("Roles: **count** — rounded and suppressed by the disclosure rule; **from counts** — computed from the published ");
        md.Append("counts (withheld with them); **model** — a statistic of the fitted model, or a model-based figure at limited ");
        md.Append("precision; **microdata** — needs person-level data, published at a precision that cannot pin a count; **key** — ");
        md.Append("identifies the row; **description** — a setting or words.\n");
        foreach (var t in PublishedResults.Catalog)
        {
            md.Append("\n## `").Append(t.Name).Append("`\n\n").Append(t.Description).Append(" JSON: `")
              .Append(string.Join('.', t.JsonPath)).Append(t.SingleRow ? "` (object)" : "` (array)").Append(".\n\n");
            md.Append("| column | type | role | meaning |\n|---|---|---|---|\n");
            foreach (var c in t.Columns)
            {
                md.Append("| `").Append(c.Name).Append("` | ").Append(TypeName(c.Kind)).Append(c.Nullable ? ", nullable" : string.Empty)
                  .Append(" | ").Append(RoleName(c.Role)).Append(" | ").Append(c.Description.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }
        }

        return md.ToString();
    }

    private static void WriteObject(Utf8JsonWriter w, PathTree<TableDeclaration> node, bool isRoot)
    {
        w.WriteString("type", "object");
        if (node.Table is { } t && !isRoot)
        {
            w.WriteString("description", t.Description);
        }

        w.WriteStartObject("properties");
        if (isRoot)
        {
            w.WriteStartObject("schema");
            w.WriteString("const", PublishedResults.Schema);
            w.WriteEndObject();
        }

        if (node.Table is { SingleRow: true } single)
        {
            WriteColumns(w, single);
        }

        foreach (var (name, child) in node.Children)
        {
            w.WriteStartObject(name);
            if (child.Table is { SingleRow: false } array)
            {
                w.WriteString("type", "array");
                w.WriteString("description", array.Description);
                w.WriteStartObject("items");
                w.WriteString("type", "object");
                w.WriteStartObject("properties");
                WriteColumns(w, array);
                w.WriteEndObject();
                Required(w, array.Columns.Select(c => c.Name));
                w.WriteBoolean("additionalProperties", false);
                w.WriteEndObject();
            }
            else
            {
                WriteObject(w, child, false);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        var required = (isRoot ? ["schema"] : Array.Empty<string>())
            .Concat(node.Table is { SingleRow: true } s ? s.Columns.Select(c => c.Name) : [])
            .Concat(node.Children.Select(c => c.Name));
        Required(w, required);
        w.WriteBoolean("additionalProperties", false);
    }

    private static void WriteColumns(Utf8JsonWriter w, TableDeclaration t)
    {
        foreach (var c in t.Columns)
        {
            w.WriteStartObject(c.Name);
            var (type, items) = c.Kind switch
            {
                ValueKind.Text => ("string", (string?)null),
                ValueKind.Integer => ("integer", null),
                ValueKind.Real => ("number", null),
                ValueKind.Boolean => ("boolean", null),
                ValueKind.IntegerList => ("array", "integer"),
                ValueKind.RealList => ("array", "number|null"),
                _ => ("array", "string"),
            };
            if (c.Nullable)
            {
                w.WriteStartArray("type");
                w.WriteStringValue(type);
                w.WriteStringValue("null");
                w.WriteEndArray();
            }
            else
            {
                w.WriteString("type", type);
            }

            if (items is not null)
            {
                w.WriteStartObject("items");
                if (items.Contains('|', StringComparison.Ordinal))
                {
                    w.WriteStartArray("type");
                    foreach (var part in items.Split('|'))
                    {
                        w.WriteStringValue(part);
                    }

                    w.WriteEndArray();
                }
                else
                {
                    w.WriteString("type", items);
                }

                w.WriteEndObject();
            }

            w.WriteString("description", $"{c.Description} [{RoleName(c.Role)}]");
            w.WriteEndObject();
        }
    }

    private static void Required(Utf8JsonWriter w, IEnumerable<string> names)
    {
        w.WriteStartArray("required");
        foreach (var n in names)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
    }

    private static string TypeName(ValueKind kind) => kind switch
    {
        ValueKind.Text => "text",
        ValueKind.Integer => "integer",
        ValueKind.Real => "real",
        ValueKind.Boolean => "boolean",
        ValueKind.IntegerList => "list of integers",
        ValueKind.RealList => "list of reals",
        _ => "list of texts",
    };

    private static string RoleName(ColumnRole role) => role switch
    {
        ColumnRole.Key => "key",
        ColumnRole.Count => "count",
        ColumnRole.FromCounts => "from counts",
        ColumnRole.Model => "model",
        ColumnRole.Microdata => "microdata",
        _ => "description",
    };
}
