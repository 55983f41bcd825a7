using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Core.Simulation;

namespace Trajectories.Core.Tests.Support;

/// <summary>Simulated panels and models for the families beyond Poisson and ZIP (NB, logit, censored normal).</summary>
internal static class FamilyPanels
{
    /// <summary>The censored-normal family of these tests: a score on [0, 10].</summary>
    public static CensoredNormalFamily Cnorm { get; } = new(0, 10);

    /// <summary>A family by name ("nb", "frailty", "logit", "cnorm").</summary>
    public static ITrajectoryFamily Family(string name) => name == "cnorm" ? Cnorm : FamilyCatalog.Find(name)!;

    /// <summary>
    /// The planted groups of a family: three trajectories of orders 2, 1, 2 with well-separated levels, and the second
    /// predictor the family needs (a dispersion per group for NB, a log frailty variance per group for the gamma frailty,
    /// a σ per group for the censored normal).
    /// </summary>
    public static SimulatedGroup[] Groups(ITrajectoryFamily family) => family.Name switch
    {
        "nb" => [new(0.5, [-1.2, 0.3, -0.6], [0.4]), new(0.3, [0.2, -0.5], [-0.7]), new(0.2, [0.9, 0.4, -0.5], [-1.5])],
        "frailty" => [new(0.5, [-1.2, 0.3, -0.6], [0.0]), new(0.3, [0.2, -0.5], [-0.9]), new(0.2, [0.9, 0.4, -0.5], [-1.6])],
        "logit" => [new(0.5, [-2.0, 0.6, -1.0]), new(0.3, [0.0, -1.2]), new(0.2, [1.5, 0.8, -0.8])],
        _ => [new(0.5, [0.8, 0.5, -1.0], [0.2]), new(0.3, [4.0, -1.5], [0.0]), new(0.2, [7.5, 1.0, -1.5], [0.4])],
    };

    /// <summary>A panel drawn from <see cref="Groups"/> on ages 12–26, windows of at least 5 years, exposure for counts.</summary>
    public static SimulatedPanel Simulate(ITrajectoryFamily family, int persons, int seed, int? minWindow = 5) =>
        GbtmSimulator.Simulate(new SimulationDesign
        {
            Persons = persons,
            Groups = Groups(family),
            Family = family,
            Seed = seed,
            Times = Models.Ages,
            MinWindow = minWindow,
            MinExposure = family.UsesExposure ? 0.3 : null,
        });

    /// <summary>The model of <see cref="Groups"/>: three groups of orders 2, 1, 2.</summary>
    public static ModelSpecification Spec(ITrajectoryFamily family) => ModelSpecification.Of(family, 3, [2, 1, 2]);

    /// <summary>Attaches a risk file (person_id, then numeric covariates) as R wrote it to the panel's persons.</summary>
    public static CountPanel WithRisk(CountPanel panel, string path)
    {
        var lines = File.ReadAllLines(path);
        var names = lines[0].Split(',').Skip(1).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            r => r[0], r => r.Skip(1).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        var values = panel.PersonIds.SelectMany(id => rows[id]).ToArray();
        return panel.WithCovariates(new PersonCovariates(names, values));
    }

    /// <summary>Attaches a time-varying covariate file (person_id,time, then covariates) as R wrote it to the panel's observations.</summary>
    public static CountPanel WithTcov(CountPanel panel, string path)
    {
        var lines = File.ReadAllLines(path);
        var names = lines[0].Split(',').Skip(2).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            r => (r[0], double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)),
            r => r.Skip(2).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        var values = new List<double>();
        for (var i = 0; i < panel.PersonCount; i++)
        {
            for (var o = panel.RowStart[i]; o < panel.RowStart[i + 1]; o++)
            {
                values.AddRange(rows[(panel.PersonIds[i], panel.Times[panel.TimeIndex[o]])]);
            }
        }

        return panel.WithTimeCovariates(new ObservationCovariates(names, values.ToArray()));
    }

    /// <summary>Reads a long CSV (person_id,time,count) as R wrote it.</summary>
    public static CountPanel ReadLong(string path)
    {
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        var times = rows.Select(r => double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToArray();
        var builder = new CountPanelBuilder(times, rows.Count);
        string? person = null;
        foreach (var r in rows)
        {
            if (r[0] != person)
            {
                person = r[0];
                builder.BeginPerson(person);
            }

            builder.Add(
                double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Build();
    }
}
