using DuckDB.NET.Data;

namespace Trajectories.Registers.Io;

/// <summary>Opening embedded DuckDB connections with bounded resources, and quoting for its SQL.</summary>
internal static class DuckDb
{
    /// <summary>
    /// Opens a connection to <paramref name="database"/> (a file, or <c>:memory:</c>) with a memory limit, so that a
    /// register of millions of persons spills to disk instead of growing the process without bound.
    /// </summary>
    public static DuckDBConnection Open(string database, string memoryLimit = "1GB", string? tempDirectory = null)
    {
        var connection = new DuckDBConnection($"Data Source={database}");
        try
        {
            connection.Open();
            Execute(connection, $"SET memory_limit = {Literal(memoryLimit)}");

            // Insertion order is the row order users see in errors and round trips; DuckDB keeps it by default,
            // but say so, since a COPY that reorders rows would break "identical rows".
            Execute(connection, "SET preserve_insertion_order = true");
            if (tempDirectory is not null)
            {
                Execute(connection, $"SET temp_directory = {Literal(tempDirectory)}");
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A SQL string literal (paths, settings).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A quoted SQL identifier (column names).</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
