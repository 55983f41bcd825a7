namespace Trajectories.Core.Families;

/// <summary>The families by the names used on the command line and in results.</summary>
public static class FamilyCatalog
{
    /// <summary>Every family name, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["poisson", "zip", "nb", "frailty", "logit", "cnorm"];

    /// <summary>The families that need no settings, by name.</summary>
    public static IReadOnlyList<ITrajectoryFamily> All { get; } =
        [PoissonFamily.Instance, ZipFamily.Instance, NegativeBinomialFamily.Instance, FrailtyFamily.Instance, LogitFamily.Instance];

    /// <summary>The family called <paramref name="name"/> (case-insensitive) that needs no settings, or null.</summary>
    public static ITrajectoryFamily? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The family called <paramref name="name"/> with its settings: the censoring bounds for "cnorm" (required there,
    /// refused elsewhere).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name, or bounds missing, given where they do not apply, or invalid.</exception>
    public static ITrajectoryFamily Create(string name, double? min = null, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, "cnorm", StringComparison.OrdinalIgnoreCase))
        {
            if (min is not { } lo || max is not { } hi)
            {
                throw new ArgumentException("the cnorm family needs both a minimum and a maximum (--min and --max): the values at which the outcome is censored.");
            }

            return new CensoredNormalFamily(lo, hi);
        }

        if (min is not null || max is not null)
        {
            throw new ArgumentException($"--min and --max apply to the cnorm family only, not to {name}.");
        }

        return Find(name) ?? throw new ArgumentException($"unknown family '{name}'; expected one of {string.Join(", ", Names)}.");
    }
}
