using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Trajectories.Registers.Io;

namespace Trajectories.Benchmarks;

/// <summary>
/// Streaming strict CSV parsing of a cases table against the naive baseline (read every line, split on commas),
/// which does no quoting and no checks: the ratio shows what strictness costs.
/// </summary>
[MemoryDiagnoser]
public class CsvReadBenchmarks
{
    private byte[] _bytes = [];

    /// <summary>Number of data rows.</summary>
    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("person_id,year,cases\n");
        for (var i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"O{i / 7:D7},{2001 + (i % 21)},{1 + (i % 3)}\n");
        }

        _bytes = Encoding.UTF8.GetBytes(text.ToString());
    }

    [Benchmark(Baseline = true)]
    public long SplitLines()
    {
        long sum = 0;
        using var reader = new StreamReader(new MemoryStream(_bytes));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',');
            sum += int.Parse(parts[2], CultureInfo.InvariantCulture);
        }

        return sum;
    }

    [Benchmark]
    public long StrictCsvReader()
    {
        long sum = 0;
        using var reader = new CsvReader(new MemoryStream(_bytes), "cases.csv");
        var cases = reader.Require("cases");
        while (reader.Read())
        {
            sum += int.Parse(reader[cases], CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
