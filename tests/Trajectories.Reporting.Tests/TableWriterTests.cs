using DuckDB.NET.Data;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Tests;

public sealed class TableWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("traj-tab-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ResultTable Sample()
    {
        string[] ids = ["p1", "p,2", "p\"3"];
        long[] groups = [1, 2, 3];
        double?[] values = [0.1, null, 1.0 / 3.0];
        return new ResultTable(3,
        [
            new ResultColumn("person_id", ColumnKind.Text, i => ids[i]),
            new ResultColumn("group", ColumnKind.Integer, i => groups[i]),
            new ResultColumn("p1", ColumnKind.Real, i => values[i]),
        ]);
    }

    [Fact]
    public void CsvQuotesTextAndWritesRoundTripDoubles()
    {
        var path = Path.Combine(_root, "t.csv");
        TableWriter.WriteCsv(Sample(), path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("person_id,group,p1", lines[0]);
        Assert.Equal("p1,1,0.1", lines[1]);
        Assert.Equal("\"p,2\",2,", lines[2]);
        Assert.Equal(1.0 / 3.0, double.Parse(lines[3].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ParquetHoldsTheSameValuesAndTypes()
    {
        TableWriter.WriteBoth(Sample(), _root, "t");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT person_id, \"group\", p1 FROM read_parquet('{Path.Combine(_root, "t.parquet")}') ORDER BY \"group\"";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long, double?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetDouble(2)));
        }

        Assert.Equal([("p1", 1L, 0.1), ("p,2", 2L, null), ("p\"3", 3L, 1.0 / 3.0)], rows);
        Assert.False(File.Exists(Path.Combine(_root, "t.parquet.tmp.csv")));
    }
}
