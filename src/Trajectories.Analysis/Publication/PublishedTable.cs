namespace Trajectories.Analysis.Publication;

/// <summary>The type of a published column's values (JSON, CSV and Parquet render each the same way everywhere).</summary>
public enum ValueKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A 64-bit integer.</summary>
    Integer,

    /// <summary>A double (null where withheld or not finite).</summary>
    Real,

    /// <summary>true / false.</summary>
    Boolean,

    /// <summary>A list of integers (a JSON array; space-separated in CSV and Parquet).</summary>
    IntegerList,

    /// <summary>A list of doubles, entries may be null (a JSON array; space-separated in CSV and Parquet, NA for null).</summary>
    RealList,

    /// <summary>A list of texts (a JSON array; joined with "; " in CSV and Parquet).</summary>
    TextList,
}

/// <summary>What a published column is, for a reader and for the disclosure rule.</summary>
public enum ColumnRole
{
    /// <summary>Identifies the row (outcome, population, group, model …).</summary>
    Key,

    /// <summary>A count of persons or events: rounded and suppressed by the disclosure rule.</summary>
    Count,

    /// <summary>A figure computed from published counts of the same output (percentage, ratio, CI, test on the counts).</summary>
    FromCounts,

    /// <summary>A statistic of the fitted model (coefficients, log-likelihood, fitted rates), or a model-based figure at limited precision.</summary>
    Model,

    /// <summary>A statistic that needs the microdata (mean ages, rank tests), published at a precision that cannot pin a count.</summary>
    Microdata,

    /// <summary>A setting or a description (method names, rule statements, labels in words).</summary>
    Description,
}

/// <summary>One declared column of a published table.</summary>
/// <param name="Name">snake_case name, the same in JSON, CSV and Parquet.</param>
/// <param name="Kind">Value type.</param>
/// <param name="Role">What it is.</param>
/// <param name="Description">What it means, with its unit.</param>
/// <param name="Nullable">Whether a value may be null (withheld, undefined or not applicable).</param>
public sealed record TableColumn(string Name, ValueKind Kind, ColumnRole Role, string Description, bool Nullable);

/// <summary>
/// One disclosed table of the published results: declared columns and rows of values whose CLR types match the
/// columns' kinds (string, long, double, bool, long[], double?[], string[]; null where allowed).
/// </summary>
public sealed class PublishedTable
{
    /// <summary>Creates a table and checks every value against its column.</summary>
    public PublishedTable(TableDeclaration declaration, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(rows);
        Declaration = declaration;
        foreach (var row in rows)
        {
            if (row.Length != declaration.Columns.Count)
            {
                throw new ArgumentException($"table {declaration.Name}: a row has {row.Length} values for {declaration.Columns.Count} columns.", nameof(rows));
            }

            for (var c = 0; c < row.Length; c++)
            {
                Check(declaration.Name, declaration.Columns[c], row[c]);
            }
        }

        Rows = rows;
    }

    /// <summary>Name, place and columns.</summary>
    public TableDeclaration Declaration { get; }

    /// <summary>Table name (file name of the CSV and Parquet files).</summary>
    public string Name => Declaration.Name;

    /// <summary>The columns.</summary>
    public IReadOnlyList<TableColumn> Columns => Declaration.Columns;

    /// <summary>The rows.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The value of column <paramref name="name"/> in row <paramref name="row"/>.</summary>
    public object? Value(int row, string name)
    {
        for (var c = 0; c < Columns.Count; c++)
        {
            if (Columns[c].Name == name)
            {
                return Rows[row][c];
            }
        }

        throw new ArgumentException($"table {Name} has no column '{name}'.", nameof(name));
    }

    private static void Check(string table, TableColumn column, object? value)
    {
        var ok = value switch
        {
            null => column.Nullable,
            string => column.Kind == ValueKind.Text,
            long => column.Kind == ValueKind.Integer,
            double d => column.Kind == ValueKind.Real && double.IsFinite(d),
            bool => column.Kind == ValueKind.Boolean,
            long[] => column.Kind == ValueKind.IntegerList,
            double?[] list => column.Kind == ValueKind.RealList && list.All(v => v is null || double.IsFinite(v.Value)),
            string[] => column.Kind == ValueKind.TextList,
            _ => false,
        };
        if (!ok)
        {
            throw new InvalidOperationException(
                $"table {table}, column {column.Name} ({column.Kind}{(column.Nullable ? ", nullable" : string.Empty)}): value {value ?? "null"} of type {value?.GetType().Name ?? "null"} does not fit.");
        }
    }
}

/// <summary>A table's name, description, place in <c>results.json</c> and columns.</summary>
/// <param name="Name">Table (and file) name.</param>
/// <param name="Description">What one row is.</param>
/// <param name="JsonPath">Where it sits in <c>results.json</c> (e.g. victimisation → categories).</param>
/// <param name="SingleRow">True for a table of exactly one row, rendered as a JSON object instead of an array.</param>
/// <param name="Columns">The columns, in output order.</param>
public sealed record TableDeclaration(string Name, string Description, IReadOnlyList<string> JsonPath, bool SingleRow, IReadOnlyList<TableColumn> Columns);
