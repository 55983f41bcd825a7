namespace Trajectories.Reporting.Output;

/// <summary>The storage type of a result column (maps to a CSV rendering and a Parquet type).</summary>
public enum ColumnKind
{
    /// <summary>Text (Parquet UTF-8 string); null is an empty cell / null.</summary>
    Text,

    /// <summary>64-bit integer (Parquet INT64); null is an empty cell / null.</summary>
    Integer,

    /// <summary>Double; null or non-finite is written as an empty cell / null (Parquet DOUBLE).</summary>
    Real,

    /// <summary>Boolean: CSV <c>true</c>/<c>false</c>, Parquet BOOLEAN; null is an empty cell / null.</summary>
    Boolean,
}

/// <summary>One named, typed column of a <see cref="ResultTable"/>.</summary>
public sealed record ResultColumn(string Name, ColumnKind Kind, Func<int, object?> Value);

/// <summary>
/// A rectangular result (posteriors, trajectories, selection table…) described column by column, so the same table
/// is written as CSV and Parquet with the same content.
/// </summary>
public sealed class ResultTable
{
    /// <summary>Creates a table with <paramref name="rowCount"/> rows.</summary>
    public ResultTable(int rowCount, IReadOnlyList<ResultColumn> columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("a table needs at least one column.", nameof(columns));
        }

        RowCount = rowCount;
        Columns = columns;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns, in output order.</summary>
    public IReadOnlyList<ResultColumn> Columns { get; }
}
