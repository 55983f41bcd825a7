using Trajectories.Core.Inference;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Inference;

/// <summary>The tables of the inference verbs (docs/inference.md): bootstrap intervals, BLRT replicates, CVE per model.</summary>
public static class InferenceTables
{
    /// <summary><c>bootstrap</c>: quantity, group, time, power, estimate, se, lower, upper.</summary>
    public static ResultTable Intervals(BootstrapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Intervals;
        return new ResultTable(rows.Count,
        [
            new("quantity", ColumnKind.Text, i => QuantityText(rows[i].Quantity)),
            new("group", ColumnKind.Integer, i => (long)rows[i].Group),
            new("time", ColumnKind.Real, i => rows[i].Quantity == BootstrapQuantity.Trajectory ? rows[i].Index : null),
            new("power", ColumnKind.Integer, i => rows[i].Quantity is BootstrapQuantity.Coefficient or BootstrapQuantity.SecondaryCoefficient ? (long)rows[i].Index : null),
            new("estimate", ColumnKind.Real, i => rows[i].Estimate),
            new("se", ColumnKind.Real, i => rows[i].Se),
            new("lower", ColumnKind.Real, i => rows[i].Lower),
            new("upper", ColumnKind.Real, i => rows[i].Upper),
        ]);
    }

    /// <summary><c>blrt_replicates</c>: replicate (1-based, in order), statistic.</summary>
    public static ResultTable Replicates(BlrtResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.ReplicateStatistics;
        return new ResultTable(rows.Count,
        [
            new("replicate", ColumnKind.Integer, i => (long)(i + 1)),
            new("statistic", ColumnKind.Real, i => rows[i]),
        ]);
    }

    /// <summary><c>cve</c>: one row per model: groups, model, log-likelihood, BIC, cve, cve2, lcv, refits, failed, persons, observations.</summary>
    public static ResultTable CrossValidation(IReadOnlyList<CrossValidationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new ResultTable(rows.Count,
        [
            new("groups", ColumnKind.Integer, i => (long)rows[i].Groups),
            new("model", ColumnKind.Text, i => rows[i].Result.Model),
            new("log_likelihood", ColumnKind.Real, i => rows[i].LogLikelihood),
            new("bic_persons", ColumnKind.Real, i => rows[i].BicPersons),
            new("cve", ColumnKind.Real, i => rows[i].Result.Cve),
            new("cve2", ColumnKind.Real, i => rows[i].Result.Cve2),
            new("lcv", ColumnKind.Real, i => rows[i].Result.Lcv),
            new("refits", ColumnKind.Integer, i => (long)rows[i].Result.Refits),
            new("failed", ColumnKind.Integer, i => (long)rows[i].Result.Failed),
            new("persons", ColumnKind.Integer, i => (long)rows[i].Result.Persons),
            new("observations", ColumnKind.Integer, i => (long)rows[i].Result.Observations),
        ]);
    }

    /// <summary><c>study_parameters</c>: parameter, group, power, truth, mean, bias, rmse, mean_se, empirical_sd, coverage, n.</summary>
    public static ResultTable StudyParameters(StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Parameters;
        return new ResultTable(rows.Count,
        [
            new("parameter", ColumnKind.Text, i => rows[i].Kind == StudyParameterKind.Share ? "share" : "coefficient"),
            new("group", ColumnKind.Integer, i => (long)rows[i].Group),
            new("power", ColumnKind.Integer, i => rows[i].Kind == StudyParameterKind.Coefficient ? (long)rows[i].Power : null),
            new("truth", ColumnKind.Real, i => rows[i].Truth),
            new("mean", ColumnKind.Real, i => rows[i].Mean),
            new("bias", ColumnKind.Real, i => rows[i].Bias),
            new("rmse", ColumnKind.Real, i => rows[i].Rmse),
            new("mean_se", ColumnKind.Real, i => rows[i].MeanSe),
            new("empirical_sd", ColumnKind.Real, i => rows[i].EmpiricalSd),
            new("coverage", ColumnKind.Real, i => rows[i].Coverage),
            new("n", ColumnKind.Integer, i => (long)rows[i].Count),
        ]);
    }

    /// <summary><c>study_selection</c>: groups, chosen (data sets on which BIC chose that K), share.</summary>
    public static ResultTable StudySelection(StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ks = result.Options.SelectGroups?.Order().ToArray() ?? [];
        var total = result.Selected.Values.Sum();
        return new ResultTable(ks.Length,
        [
            new("groups", ColumnKind.Integer, i => (long)ks[i]),
            new("chosen", ColumnKind.Integer, i => (long)result.Selected.GetValueOrDefault(ks[i])),
            new("share", ColumnKind.Real, i => total == 0 ? null : result.Selected.GetValueOrDefault(ks[i]) / (double)total),
        ]);
    }

    /// <summary>snake_case name of a bootstrapped quantity.</summary>
    public static string QuantityText(BootstrapQuantity quantity) => quantity switch
    {
        BootstrapQuantity.Share => "share",
        BootstrapQuantity.Trajectory => "trajectory",
        BootstrapQuantity.Coefficient => "coefficient",
        _ => "secondary_coefficient",
    };
}

/// <summary>One model's cross-validation with the data fit's statistics beside it.</summary>
/// <param name="Groups">K.</param>
/// <param name="LogLikelihood">The data fit's log-likelihood.</param>
/// <param name="BicPersons">Its BIC on persons.</param>
/// <param name="Result">The cross-validation.</param>
public sealed record CrossValidationRow(int Groups, double LogLikelihood, double BicPersons, CrossValidationResult Result);
