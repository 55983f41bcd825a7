using Trajectories.Core.Panels;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Panels;

/// <summary>
/// The trajectory panel of a register (one series per observable offender, time = age) and, per panel row, the
/// person facts the analysis needs to describe the groups.
/// </summary>
/// <remarks>Arrays are parallel to <see cref="CountPanel.PersonIds"/>; they are owned by this object, do not mutate them.</remarks>
public sealed class OffenderPanel
{
    /// <summary>Creates the result; arrays must have one entry per panel person.</summary>
    public OffenderPanel(
        CountPanel panel,
        int[] birthYears,
        int?[] firstTraffickingYears,
        Sex[] sexes,
        IReadOnlyList<string> unobservableOffenders,
        int[] personIndices)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(birthYears);
        ArgumentNullException.ThrowIfNull(firstTraffickingYears);
        ArgumentNullException.ThrowIfNull(sexes);
        ArgumentNullException.ThrowIfNull(unobservableOffenders);
        if (birthYears.Length != panel.PersonCount || firstTraffickingYears.Length != panel.PersonCount || sexes.Length != panel.PersonCount)
        {
            throw new ArgumentException("side arrays must have one entry per panel person.");
        }

        ArgumentNullException.ThrowIfNull(personIndices);
        if (personIndices.Length != panel.PersonCount)
        {
            throw new ArgumentException("person indices must have one entry per panel person.", nameof(personIndices));
        }

        Panel = panel;
        BirthYears = birthYears;
        FirstTraffickingYears = firstTraffickingYears;
        Sexes = sexes;
        UnobservableOffenders = unobservableOffenders;
        PersonIndices = personIndices;
    }

    /// <summary>
    /// Each panel person's position in the register's <c>persons</c> table (0-based; its index in the register's
    /// person index), so that the analysis links groups to persons without looking ids up.
    /// </summary>
    public int[] PersonIndices { get; }

    /// <summary>The counts: ages as times, one series per observable offender in <c>persons</c> order.</summary>
    public CountPanel Panel { get; }

    /// <summary>Birth year of each panel person.</summary>
    public int[] BirthYears { get; }

    /// <summary>First trafficking year of each panel person (null when the register has none).</summary>
    public int?[] FirstTraffickingYears { get; }

    /// <summary>Registered sex of each panel person.</summary>
    public Sex[] Sexes { get; }

    /// <summary>
    /// Ids of offenders left out because no year of <c>case_years</c> reaches <c>min_age</c> (born too late), in
    /// <c>persons</c> order. Reported so the analysis can state them instead of losing them silently.
    /// </summary>
    public IReadOnlyList<string> UnobservableOffenders { get; }
}
