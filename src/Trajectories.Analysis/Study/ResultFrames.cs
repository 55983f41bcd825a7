using Microsoft.Data.Analysis;
using Trajectories.Analysis.Publication;

namespace Trajectories.Analysis.Study;

/// <summary>
/// The published tables of an <see cref="AnalysisResult"/> as Microsoft.Data.Analysis DataFrames, for notebooks and
/// .NET Interactive. They are rendered from <see cref="PublishedResults"/>, like every other output: the same
/// columns, names and disclosed values as results.json and the CSV/Parquet tables (suppressed cells are null).
/// </summary>
public static class ResultFrames
{
    /// <summary>The table <paramref name="name"/> (see <see cref="PublishedResults.Catalog"/>) as a DataFrame.</summary>
    public static DataFrame Frame(this AnalysisResult result, string name)
    {
        ArgumentNullException.ThrowIfNull(result);
        return PublishedResults.From(result)[name].ToDataFrame();
    }

    /// <summary>One row per profile (the <c>profiles</c> table).</summary>
    public static DataFrame ProfilesFrame(this AnalysisResult result) => result.Frame("profiles");

    /// <summary>One row per LVB indicator and population (the <c>lvb</c> table).</summary>
    public static DataFrame LvbFrame(this AnalysisResult result) => result.Frame("lvb");

    /// <summary>Ever victim per population with the mean count among victims (the <c>victimisation</c> table).</summary>
    public static DataFrame VictimisationFrame(this AnalysisResult result) => result.Frame("victimisation");

    /// <summary>Modal, posterior-weighted and BCH percentages per outcome and profile.</summary>
    public static DataFrame UncertaintyFrame(this AnalysisResult result) => result.Frame("classification_uncertainty");

    /// <summary>
    /// A published table as a DataFrame: integers as Int64 columns, reals as Double, booleans as Boolean, text as
    /// String; lists as String columns with the CSV rendering (space-separated), since a DataFrame cell holds a scalar.
    /// </summary>
    public static DataFrame ToDataFrame(this PublishedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns.Select((c, i) =>
        {
            var values = table.Rows.Select(r => r[i]).ToArray();
            return (DataFrameColumn)(c.Kind switch
            {
                ValueKind.Integer => new Int64DataFrameColumn(c.Name, values.Select(v => (long?)v)),
                ValueKind.Real => new DoubleDataFrameColumn(c.Name, values.Select(v => (double?)v)),
                ValueKind.Boolean => new BooleanDataFrameColumn(c.Name, values.Select(v => (bool?)v)),
                ValueKind.Text => new StringDataFrameColumn(c.Name, values.Select(v => (string?)v)),
                _ => new StringDataFrameColumn(c.Name, values.Select(v => TableText.List(c.Kind, v))),
            });
        });
        return new DataFrame(columns);
    }
}
