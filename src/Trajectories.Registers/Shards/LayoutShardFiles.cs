using System.Globalization;
using System.Text.Json;
using Trajectories.Core.Estimation.Sharding;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Shards;

/// <summary>
/// A shard of a sharded fit (<see cref="LayoutShard"/>) as files a worker loads: a folder with
/// <c>rows.parquet</c> (per row: weight, window, total, number of listed cells, membership covariates),
/// <c>cells.parquet</c> (the rows' listed cells, in the shard's numbering), <c>catalogue.parquet</c> (per non-baseline
/// cell of the shard: its index in the whole layout and its time) and <c>shard.json</c> (the sizes), written last so a
/// folder with it is complete. Doubles are stored as they are, so a shard read back is the shard written, bit for bit.
/// </summary>
/// <remarks>
/// The files hold pattern rows (counts of identical persons), not person identifiers: a shard carries the microdata a
/// worker needs for the E-step and nothing that names a person. They are working files of one run, deleted with it.
/// </remarks>
public static class LayoutShardFiles
{
    /// <summary>The format tag in <c>shard.json</c>.</summary>
    public const string Format = "trajectories.shard/1";

    private const string RowsFile = "rows.parquet";
    private const string CellsFile = "cells.parquet";
    private const string CatalogueFile = "catalogue.parquet";
    private const string ManifestFile = "shard.json";

    /// <summary>Writes <paramref name="shard"/> into <paramref name="folder"/> (created; files already there are replaced).</summary>
    public static void Write(string folder, LayoutShard shard)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(shard);
        Directory.CreateDirectory(folder);
        File.Delete(Path.Combine(folder, ManifestFile));
        var width = shard.MembershipWidth;
        var columns = new List<ParquetColumn>
        {
            new("weight", ParquetColumnType.Double),
            new("window_start", ParquetColumnType.Int32),
            new("window_end", ParquetColumnType.Int32),
            new("row_total", ParquetColumnType.Double),
            new("cells", ParquetColumnType.Int32),
        };
        columns.AddRange(Enumerable.Range(0, width).Select(k => new ParquetColumn(MembershipColumn(k), ParquetColumnType.Double)));
        using (var rows = new ParquetColumnsWriter(Path.Combine(folder, RowsFile), columns))
        {
            for (var i = 0; i < shard.RowCount; i++)
            {
                rows.SetDouble(0, shard.Weights[i]);
                rows.SetInt32(1, shard.WindowStart[i]);
                rows.SetInt32(2, shard.WindowEnd[i]);
                rows.SetDouble(3, shard.RowTotal[i]);
                rows.SetInt32(4, shard.ListStart[i + 1] - shard.ListStart[i]);
                for (var k = 0; k < width; k++)
                {
                    rows.SetDouble(5 + k, shard.MembershipRows[(i * width) + k]);
                }

                rows.EndRow();
            }

            rows.Complete();
        }

        using (var cells = new ParquetColumnsWriter(Path.Combine(folder, CellsFile), [new("cell", ParquetColumnType.Int32)]))
        {
            foreach (var c in shard.Cells)
            {
                cells.SetInt32(0, c);
                cells.EndRow();
            }

            cells.Complete();
        }

        using (var catalogue = new ParquetColumnsWriter(
            Path.Combine(folder, CatalogueFile), [new("global_cell", ParquetColumnType.Int32), new("time", ParquetColumnType.Int32)]))
        {
            for (var k = 0; k < shard.GlobalCells.Length; k++)
            {
                catalogue.SetInt32(0, shard.GlobalCells[k]);
                catalogue.SetInt32(1, shard.CellTime[shard.TimeCount + k]);
                catalogue.EndRow();
            }

            catalogue.Complete();
        }

        var manifest = new Manifest(Format, shard.FirstRow, shard.RowCount, shard.TimeCount, shard.Cells.Length, shard.GlobalCells.Length, width);
        File.WriteAllText(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, ManifestJson.Default.Manifest));
    }

    /// <summary>Reads the shard written into <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">The folder does not hold a complete shard of this format (the message names the file).</exception>
    public static LayoutShard Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDataException($"{manifestPath}: no such file; the folder holds no complete shard.");
        }

        Manifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllText(manifestPath), ManifestJson.Default.Manifest)
                ?? throw new InvalidDataException($"{manifestPath}: empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{manifestPath}: not a shard manifest ({e.Message}).", e);
        }

        if (manifest.Format != Format)
        {
            throw new InvalidDataException($"{manifestPath}: format '{manifest.Format}', expected '{Format}'.");
        }

        var n = manifest.Rows;
        var width = manifest.MembershipWidth;
        var weights = new double[n];
        var windowStart = new short[n];
        var windowEnd = new short[n];
        var rowTotal = new double[n];
        var listStart = new int[n + 1];
        var membership = new double[n * width];
        var names = new[] { "weight", "window_start", "window_end", "row_total", "cells" }.Concat(Enumerable.Range(0, width).Select(MembershipColumn)).ToArray();
        ReadColumns(Path.Combine(folder, RowsFile), names, n, (values, at, count) =>
        {
            for (var r = 0; r < count; r++)
            {
                var i = at + r;
                weights[i] = values[0].Reals[r];
                windowStart[i] = checked((short)values[1].Integers[r]);
                windowEnd[i] = checked((short)values[2].Integers[r]);
                rowTotal[i] = values[3].Reals[r];
                listStart[i + 1] = checked(listStart[i] + (int)values[4].Integers[r]);
                for (var k = 0; k < width; k++)
                {
                    membership[(i * width) + k] = values[5 + k].Reals[r];
                }
            }
        });
        var cells = new int[manifest.Cells];
        ReadColumns(Path.Combine(folder, CellsFile), ["cell"], cells.Length, (values, at, count) =>
        {
            for (var r = 0; r < count; r++)
            {
                cells[at + r] = checked((int)values[0].Integers[r]);
            }
        });
        var global = new int[manifest.CatalogueCells];
        var cellTime = new short[manifest.TimeCount + global.Length];
        for (short t = 0; t < manifest.TimeCount; t++)
        {
            cellTime[t] = t;
        }

        ReadColumns(Path.Combine(folder, CatalogueFile), ["global_cell", "time"], global.Length, (values, at, count) =>
        {
            for (var r = 0; r < count; r++)
            {
                global[at + r] = checked((int)values[0].Integers[r]);
                cellTime[manifest.TimeCount + at + r] = checked((short)values[1].Integers[r]);
            }
        });
        try
        {
            return new LayoutShard(manifest.FirstRow, manifest.TimeCount, weights, windowStart, windowEnd, listStart, cells, rowTotal, cellTime, global, width, membership);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{folder}: the shard's files do not fit together ({e.Message})", e);
        }
    }

    private static string MembershipColumn(int k) => "m" + k.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <paramref name="names"/> of <paramref name="path"/>, which must have <paramref name="rows"/> rows, one row group at a time.</summary>
    private static void ReadColumns(string path, string[] names, int rows, Action<ParquetColumnValues[], int, int> take)
    {
        try
        {
            using var reader = ParquetColumnsReader.Open(path);
            if (reader.RowCount != rows)
            {
                throw new InvalidDataException($"{reader.RowCount} rows, expected {rows}.");
            }

            var values = names.Select(name => reader.Column(name) ?? throw new InvalidDataException($"no column '{name}'.")).ToArray();
            var at = 0;
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                var count = reader.ReadRowGroup(group, values);
                for (var k = 0; k < values.Length; k++)
                {
                    for (var r = 0; r < count; r++)
                    {
                        if (values[k].IsNull(r))
                        {
                            throw new InvalidDataException($"row {at + r + 1}, column '{names[k]}': empty.");
                        }
                    }
                }

                take(values, at, count);
                at += count;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or OverflowException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
