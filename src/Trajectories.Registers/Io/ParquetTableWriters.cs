using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// Streams rows into one Parquet file per table in a given folder, each through its own
/// <see cref="ParquetColumnsWriter"/>: the tables of <see cref="ParquetRegisterWriter"/>. Column types: ids and codes
/// strings (codes dictionary-encoded), years and counts INT32, <c>at_risk</c> DOUBLE; only
/// <c>first_trafficking_year</c> is nullable.
/// </summary>
internal sealed class ParquetTableWriters : ITableRowWriters
{
    private static readonly ParquetColumn Id = new("person_id", ParquetColumnType.Text);

    private readonly string _folder;
    private readonly int _rowGroupSize;
    private readonly ParquetColumnsWriter?[] _writers = new ParquetColumnsWriter?[RegisterTables.All.Count];
    private bool _closed;

    public ParquetTableWriters(string folder, int rowGroupSize)
    {
        _folder = folder;
        _rowGroupSize = rowGroupSize;
    }

    public void Add(in PersonRow row)
    {
        var w = Writer(RegisterTable.Persons);
        w.SetText(0, row.PersonId);
        w.SetText(1, Codes.Of(row.Cohort));
        w.SetText(2, row.MatchId);
        w.SetText(3, Codes.Of(row.Sex));
        w.SetInt32(4, row.BirthYear);
        w.SetInt32(5, row.FirstTraffickingYear);
        w.EndRow();
    }

    public void Add(in CaseRow row)
    {
        var w = Writer(RegisterTable.Cases);
        w.SetText(0, row.PersonId);
        w.SetInt32(1, row.Year);
        w.SetInt32(2, row.Cases);
        w.EndRow();
    }

    public void Add(in ExposureRow row)
    {
        var w = Writer(RegisterTable.Exposure);
        w.SetText(0, row.PersonId);
        w.SetInt32(1, row.Year);
        w.SetDouble(2, row.AtRisk);
        w.EndRow();
    }

    public void Add(in LvbRow row)
    {
        var w = Writer(RegisterTable.Lvb);
        w.SetText(0, row.PersonId);
        w.SetText(1, Codes.Of(row.Source));
        w.SetInt32(2, row.Year);
        w.EndRow();
    }

    public void Add(in VictimisationRow row)
    {
        var w = Writer(RegisterTable.Victimisations);
        w.SetText(0, row.PersonId);
        w.SetInt32(1, row.Year);
        w.SetText(2, Codes.Of(row.Category));
        w.EndRow();
    }

    public void Add(in TruthRow row)
    {
        var w = Writer(RegisterTable.Truth);
        w.SetText(0, row.PersonId);
        w.SetText(1, Codes.Of(row.Profile));
        w.EndRow();
    }

    public void Close()
    {
        foreach (var table in RegisterTables.All)
        {
            if (RegisterTables.IsRequired(table))
            {
                Writer(table);
            }

            _writers[(int)table]?.Complete();
            _writers[(int)table] = null;
        }

        _closed = true;
    }

    public void Dispose()
    {
        foreach (var w in _writers)
        {
            w?.Dispose();
        }
    }

    /// <summary>The columns of <paramref name="table"/>, in layout order (<see cref="RegisterTables.Columns"/>).</summary>
    internal static ParquetColumn[] Schema(RegisterTable table) => table switch
    {
        RegisterTable.Persons =>
        [
            Id, Code("cohort"), new("match_id", ParquetColumnType.Text), Code("sex"), Int("birth_year"),
            new("first_trafficking_year", ParquetColumnType.Int32, Nullable: true),
        ],
        RegisterTable.Cases => [Id, Int("year"), Int("cases")],
        RegisterTable.Exposure => [Id, Int("year"), new("at_risk", ParquetColumnType.Double)],
        RegisterTable.Lvb => [Id, Code("source"), Int("year")],
        RegisterTable.Victimisations => [Id, Int("year"), Code("category")],
        RegisterTable.Truth => [Id, Code("profile")],
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    private static ParquetColumn Int(string name) => new(name, ParquetColumnType.Int32);

    private static ParquetColumn Code(string name) => new(name, ParquetColumnType.Text, Dictionary: true);

    private ParquetColumnsWriter Writer(RegisterTable table)
    {
        if (_closed)
        {
            throw new InvalidOperationException("The register was already completed.");
        }

        return _writers[(int)table] ??= new ParquetColumnsWriter(RegisterFolder.FileOf(_folder, table, RegisterFormat.Parquet), Schema(table), _rowGroupSize);
    }
}
