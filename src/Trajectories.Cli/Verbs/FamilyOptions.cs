using System.CommandLine;
using Trajectories.Core.Estimation;

namespace Trajectories.Cli.Verbs;

/// <summary>The family and zero-inflation options shared by <c>fit</c> and <c>select</c>.</summary>
public static class FamilyOptions
{
    /// <summary>Families the command line offers.</summary>
    public static readonly string[] Names = ["poisson", "zip"];

    /// <summary>--family.</summary>
    public static Option<string> Family()
    {
        var option = new Option<string>("--family") { Description = "Count family: poisson or zip (zero-inflated Poisson).", DefaultValueFactory = _ => "poisson" };
        option.AcceptOnlyFromAmong(Names);
        return option;
    }

    /// <summary>--iorder.</summary>
    public static Option<string?> InflationOrder() =>
        new("--iorder") { Description = "ZIP zero-inflation order per group (−1 none, 0 constant, 1.. polynomial), one for all or one per group. Default 0 for zip." };

    /// <summary>The model for a family, K, orders and optional inflation orders.</summary>
    public static ModelSpecification Specification(string family, int groups, int[] orders, string? inflation)
    {
        if (groups < 1)
        {
            throw new UsageException($"--groups: {groups} is not a number of groups (expected 1 or more).");
        }

        try
        {
            if (family == "zip")
            {
                var iorders = inflation is null ? [0] : ListOption.Integers("--iorder", inflation);
                return ModelSpecification.Zip(groups, orders, iorders);
            }

            if (inflation is not null)
            {
                throw new UsageException("--iorder applies to --family zip only.");
            }

            return ModelSpecification.Poisson(groups, orders);
        }
        catch (ModelSpecificationException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
