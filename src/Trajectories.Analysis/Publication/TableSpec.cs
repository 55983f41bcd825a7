using Trajectories.Analysis.Disclosure;

namespace Trajectories.Analysis.Publication;

/// <summary>
/// A table's declaration together with how each column's value is read from a row object of type
/// <typeparamref name="T"/>: the one place where a published column is defined (name, type, role, meaning, value).
/// </summary>
internal sealed class TableSpec<T>(string name, string description, string[] jsonPath, bool singleRow = false)
{
    private readonly List<(TableColumn Column, Func<T, object?> Value)> columns = [];

    public TableDeclaration Declaration => new(name, description, jsonPath, singleRow, columns.Select(c => c.Column).ToArray());

    public TableSpec<T> Key(string column, string meaning, Func<T, string> value) => Add(column, ValueKind.Text, ColumnRole.Key, meaning, false, value);

    public TableSpec<T> KeyNumber(string column, string meaning, Func<T, long> value) => Add(column, ValueKind.Integer, ColumnRole.Key, meaning, false, t => value(t));

    public TableSpec<T> Text(string column, string meaning, Func<T, string?> value, bool nullable = false) =>
        Add(column, ValueKind.Text, ColumnRole.Description, meaning, nullable, value);

    public TableSpec<T> Setting(string column, string meaning, Func<T, long?> value, bool nullable = false) =>
        Add(column, ValueKind.Integer, ColumnRole.Description, meaning, nullable, t => value(t));

    public TableSpec<T> Flag(string column, string meaning, Func<T, bool?> value, ColumnRole role = ColumnRole.Model, bool nullable = false) =>
        Add(column, ValueKind.Boolean, role, meaning, nullable, t => value(t));

    public TableSpec<T> Count(string column, string meaning, Func<T, DisclosedCount?> value) =>
        Add(column, ValueKind.Integer, ColumnRole.Count, meaning + " Disclosed: rounded; null where suppressed.", true, t => value(t)?.Value);

    public TableSpec<T> FromCounts(string column, string meaning, Func<T, double?> value) =>
        Add(column, ValueKind.Real, ColumnRole.FromCounts, meaning + " Computed from the published counts; null where a count behind it is suppressed or it is undefined.", true, t => Finite(value(t)));

    public TableSpec<T> Model(string column, string meaning, Func<T, double?> value, bool nullable = true) =>
        Add(column, ValueKind.Real, ColumnRole.Model, meaning, nullable, t => Finite(value(t)));

    public TableSpec<T> ModelNumber(string column, string meaning, Func<T, long?> value, bool nullable = false) =>
        Add(column, ValueKind.Integer, ColumnRole.Model, meaning, nullable, t => value(t));

    public TableSpec<T> Microdata(string column, string meaning, Func<T, double?> value) =>
        Add(column, ValueKind.Real, ColumnRole.Microdata, meaning, true, t => Finite(value(t)));

    public TableSpec<T> Integers(string column, string meaning, Func<T, IEnumerable<int>?> value, ColumnRole role = ColumnRole.Model, bool nullable = false) =>
        Add(column, ValueKind.IntegerList, role, meaning, nullable, t => value(t)?.Select(v => (long)v).ToArray());

    public TableSpec<T> Reals(string column, string meaning, Func<T, IEnumerable<double?>> value) =>
        Add(column, ValueKind.RealList, ColumnRole.Model, meaning, false, t => value(t).Select(Finite).ToArray());

    public TableSpec<T> Texts(string column, string meaning, Func<T, IEnumerable<string>> value) =>
        Add(column, ValueKind.TextList, ColumnRole.Description, meaning, false, t => value(t).ToArray());

    public PublishedTable Build(IEnumerable<T> rows)
    {
        var values = rows.Select(r => columns.Select(c => c.Value(r)).ToArray()).ToArray();
        if (singleRow && values.Length != 1)
        {
            throw new InvalidOperationException($"table {name} must have exactly one row, not {values.Length}.");
        }

        return new PublishedTable(Declaration, values);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private TableSpec<T> Add(string column, ValueKind kind, ColumnRole role, string meaning, bool nullable, Func<T, object?> value)
    {
        if (columns.Any(c => c.Column.Name == column))
        {
            throw new InvalidOperationException($"table {name} declares column {column} twice.");
        }

        columns.Add((new TableColumn(column, kind, role, meaning, nullable), value));
        return this;
    }
}
