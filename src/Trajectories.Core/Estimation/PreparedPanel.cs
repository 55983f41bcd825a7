using Trajectories.Core.Basis;
using Trajectories.Core.Families;
using Trajectories.Core.Membership;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>
/// A panel made ready for fitting with one family, once, and shared by every model fitted to it (a selection grid,
/// a search's nested neighbours): the compressed patterns (their key includes the person covariates), the cells, the
/// time scale, and the membership models bound to the pattern rows.
/// </summary>
/// <remarks>Immutable after construction except for the cache of membership models, which is thread-safe.</remarks>
public sealed class PreparedPanel
{
    private readonly Dictionary<string, IMembershipModel> _membership = new(StringComparer.Ordinal);

    private PreparedPanel(CountPanel panel, ITrajectoryFamily family, PatternPanel patterns)
    {
        Panel = panel;
        Family = family;
        Patterns = patterns;
        Layout = new CellLayout(patterns, family);
        Scale = TimeScale.FromGrid(panel.Times);
        var observed = 0;
        for (var i = 0; i < panel.PersonCount; i++)
        {
            if (panel.RowStart[i + 1] > panel.RowStart[i])
            {
                observed++;
            }
        }

        ObservedPersons = observed;
    }

    /// <summary>The panel as given.</summary>
    public CountPanel Panel { get; }

    /// <summary>The family the cells' data constants were computed for.</summary>
    public ITrajectoryFamily Family { get; }

    /// <summary>Identical persons collapsed into weighted rows.</summary>
    public PatternPanel Patterns { get; }

    /// <summary>The rows' observations indexed as cells.</summary>
    public CellLayout Layout { get; }

    /// <summary>The scaled time of the panel's grid.</summary>
    public TimeScale Scale { get; }

    /// <summary>Persons with at least one observation (the n of BIC).</summary>
    public int ObservedPersons { get; }

    /// <summary>Prepares <paramref name="panel"/> for <paramref name="family"/>.</summary>
    /// <param name="panel">The data.</param>
    /// <param name="family">The family of every model to be fitted on it.</param>
    /// <param name="compress">Whether identical persons share a row (false only to check that compression changes nothing).</param>
    public static PreparedPanel Prepare(CountPanel panel, ITrajectoryFamily family, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(family);
        return new PreparedPanel(panel, family, compress ? PatternPanel.Compress(panel) : PatternPanel.Uncompressed(panel));
    }

    /// <summary>
    /// The membership model of <paramref name="spec"/> bound to these rows: constant shares without risk factors,
    /// else a multinomial logit on the named covariates (built once per list of names).
    /// </summary>
    /// <exception cref="ModelSpecificationException">A risk factor is not among the panel's covariates, or does not vary.</exception>
    public IMembershipModel Membership(ModelSpecification spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.RiskFactors.Count == 0)
        {
            return ConstantMembership.Instance;
        }

        var key = string.Join('\u001f', spec.RiskFactors);
        lock (_membership)
        {
            if (!_membership.TryGetValue(key, out var model))
            {
                model = Bind(spec.RiskFactors);
                _membership.Add(key, model);
            }

            return model;
        }
    }

    private CovariateMembership Bind(IReadOnlyList<string> names)
    {
        var covariates = Patterns.Patterns.Covariates
            ?? throw new ModelSpecificationException($"the model has risk factors ({string.Join(", ", names)}) but the panel has no person covariates.");
        int[] columns;
        try
        {
            columns = covariates.Columns(names);
        }
        catch (ArgumentException e)
        {
            throw new ModelSpecificationException(e.Message);
        }

        var rows = Patterns.PatternCount;
        var width = names.Count + 1;
        var x = new double[rows * width];
        for (var i = 0; i < rows; i++)
        {
            var source = covariates.Of(i);
            x[i * width] = 1.0;
            for (var k = 0; k < columns.Length; k++)
            {
                x[(i * width) + k + 1] = source[columns[k]];
            }
        }

        for (var k = 0; k < columns.Length; k++)
        {
            var first = x[k + 1];
            var varies = false;
            for (var i = 1; i < rows && !varies; i++)
            {
                varies = x[(i * width) + k + 1] != first;
            }

            if (!varies)
            {
                throw new ModelSpecificationException($"the risk factor '{names[k]}' has the same value ({first}) for every person: its effect is not identifiable.");
            }
        }

        return new CovariateMembership(x, width);
    }
}
