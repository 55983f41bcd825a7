using System.Globalization;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// Turns the current row of a <see cref="TableCursor"/> into a typed row, with one precise message per bad cell
/// (what was expected, what was found). Column indices follow <see cref="RegisterTables.Columns"/>.
/// </summary>
internal sealed class RowParser
{
    private readonly TableCursor _c;

    // Rows of one person usually come together; reusing the previous id string saves an allocation per row.
    private string _lastId = string.Empty;

    public RowParser(TableCursor cursor) => _c = cursor;

    public PersonRow Person()
    {
        var id = Id(0);
        var cohort = Code<Cohort>(1, "cohort", Codes.Of);
        var match = Text(2, "a match id");
        var sex = Code<Sex>(3, "sex", Codes.Of);
        var birth = Int(4, "an integer birth year");
        int? first = _c.Get(5).Kind == CellKind.Empty ? null : Int(5, "an integer year (or an empty cell for controls)");
        return new PersonRow(id, cohort, match, sex, birth, first);
    }

    public CaseRow Case()
    {
        var id = Id(0);
        var year = Int(1, "an integer year");
        var cases = Int(2, "a whole number of cases ≥ 1");
        if (cases <= 0)
        {
            throw _c.Error(2, $"expected a whole number of cases ≥ 1 (a year without cases has no row), found {cases}.");
        }

        return new CaseRow(id, year, cases);
    }

    public ExposureRow Exposure()
    {
        var id = Id(0);
        var year = Int(1, "an integer year");
        var atRisk = Real(2, "a share of the year at risk in (0, 1]");

        // The negated test also rejects NaN.
        if (!(atRisk > 0 && atRisk <= 1))
        {
            throw _c.Error(2, $"expected a share of the year at risk in (0, 1] (a year fully at risk may be left out), found {_c.Get(2).Display()}.");
        }

        return new ExposureRow(id, year, atRisk);
    }

    public LvbRow Lvb() =>
        new(Id(0), Code<LvbSource>(1, "LVB source", Codes.Of), Int(2, "an integer year"));

    public VictimisationRow Victimisation() =>
        new(Id(0), Int(1, "an integer year"), Code<VictimCategory>(2, "victimisation category", Codes.Of));

    public TruthRow Truth() => new(Id(0), Code<Profile>(1, "profile", Codes.Of));

    private string Id(int column)
    {
        var cell = _c.Get(column);
        if (cell.Kind == CellKind.Text && cell.Text.SequenceEqual(_lastId))
        {
            return _lastId;
        }

        return _lastId = Text(column, "a person id");
    }

    private string Text(int column, string what)
    {
        var cell = _c.Get(column);
        return cell.Kind switch
        {
            CellKind.Empty => throw _c.Error(column, $"expected {what}, found an empty cell."),

            // Ids stored as numbers in a user's Parquet file are accepted as their decimal text.
            CellKind.Integer => cell.Integer.ToString(CultureInfo.InvariantCulture),
            CellKind.Real => throw _c.Error(column, $"expected {what} as text, found the number {cell.Display()}."),
            _ => cell.Text.ToString(),
        };
    }

    private int Int(int column, string what)
    {
        var cell = _c.Get(column);
        switch (cell.Kind)
        {
            case CellKind.Integer when cell.Integer is >= int.MinValue and <= int.MaxValue:
                return (int)cell.Integer;
            case CellKind.Real when cell.Real == Math.Floor(cell.Real) && Math.Abs(cell.Real) <= int.MaxValue:
                return (int)cell.Real;
            case CellKind.Text when int.TryParse(cell.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value):
                return value;
            case CellKind.Empty:
                throw _c.Error(column, $"expected {what}, found an empty cell.");
        }

        var found = cell.Kind switch
        {
            CellKind.Integer => NumberText.NotInteger(cell.Integer),
            CellKind.Real => NumberText.NotInteger(cell.Real),
            _ => NumberText.NotInteger(cell.Text),
        };
        throw _c.Error(column, $"expected {what}, found {found}.");
    }

    private double Real(int column, string what)
    {
        var cell = _c.Get(column);
        switch (cell.Kind)
        {
            case CellKind.Integer:
                return cell.Integer;
            case CellKind.Real when double.IsFinite(cell.Real):
                return cell.Real;
            case CellKind.Real:
                throw _c.Error(column, $"expected {what}, found {NumberText.NotInteger(cell.Real)}.");
            case CellKind.Empty:
                throw _c.Error(column, $"expected {what}, found an empty cell.");
        }

        var problem = NumberText.NotReal(cell.Text, out var value);
        return problem is null ? value : throw _c.Error(column, $"expected {what}, found {problem}.");
    }

    private T Code<T>(int column, string what, Func<T, string> of)
        where T : struct, Enum
    {
        var cell = _c.Get(column);
        if (cell.Kind == CellKind.Text)
        {
            // Compared as spans against the cached codes: no string per cell for millions of rows.
            var texts = CodeTable<T>.Texts ??= CodeTable<T>.Values.Select(of).ToArray();
            for (var i = 0; i < texts.Length; i++)
            {
                if (cell.Text.SequenceEqual(texts[i]))
                {
                    return CodeTable<T>.Values[i];
                }
            }
        }

        var found = cell.Kind == CellKind.Empty ? "an empty cell" : $"'{cell.Display()}'";
        throw _c.Error(column, $"unknown {what} {found}; expected one of {Codes.List(of)}.");
    }

    private static class CodeTable<T>
        where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();

        public static string[]? Texts;
    }
}
