namespace Trajectories.Registers.Io;

/// <summary>The stored type of a column written by <see cref="ParquetColumnsWriter"/>.</summary>
public enum ParquetColumnType
{
    /// <summary>32-bit integer (Parquet INT32): years and counts.</summary>
    Int32,

    /// <summary>64-bit integer (Parquet INT64).</summary>
    Int64,

    /// <summary>IEEE double (Parquet DOUBLE).</summary>
    Double,

    /// <summary>Boolean (Parquet BOOLEAN).</summary>
    Boolean,

    /// <summary>UTF-8 text (Parquet BYTE_ARRAY annotated as a string).</summary>
    Text,
}

/// <summary>One column of a Parquet file to write.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The stored type.</param>
/// <param name="Nullable">Whether cells may be null (an OPTIONAL column); otherwise every cell must have a value.</param>
/// <param name="Dictionary">
/// Dictionary-encode a text column: for codes with a handful of distinct values, where it makes the column a fraction
/// of its plain size; never for ids, whose dictionary would be as large as the column.
/// </param>
public sealed record ParquetColumn(string Name, ParquetColumnType Type, bool Nullable = false, bool Dictionary = false);
