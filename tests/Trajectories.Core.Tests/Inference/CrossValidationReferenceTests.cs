using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Inference;

/// <summary>
/// crimCV's cross-validation error on the Toronto data against an independent computation of its definition in R
/// (reference/crimcv_cve.R and .tsv): the fit's log-likelihood and the leave-one-out CVE, CVE2 and LCV.
/// </summary>
public sealed class CrossValidationReferenceTests
{
    public static TheoryData<int> Groups() => new(TestData.ReferenceTable("crimcv_cve.tsv").Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)));

    [Theory]
    [MemberData(nameof(Groups))]
    public void LeaveOneOutMatchesRsComputationOfCrimCVsDefinition(int groups)
    {
        var row = TestData.ReferenceTable("crimcv_cve.tsv").Single(r => r[1] == groups.ToString(CultureInfo.InvariantCulture));
        double Value(int column) => double.Parse(row[column], CultureInfo.InvariantCulture);
        var panel = TestData.ReadWide(Path.Combine(TestData.TorontoFolder(), row[0]));
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Zip(groups, [2], [0]), new FitOptions { Starts = 10 });
        Assert.Equal(Value(4), fit.LogLikelihood, 6);

        var result = CrossValidation.Run(panel, fit);
        Assert.Equal(0, result.Failed);
        Assert.Equal(378, result.Persons);
        Assert.True(Math.Abs(result.Cve - Value(5)) < 1e-7 * Value(5), $"CVE {result.Cve:R} against R's {Value(5):R}");
        Assert.True(Math.Abs(result.Cve2 - Value(6)) < 1e-7 * Value(6), $"CVE2 {result.Cve2:R} against R's {Value(6):R}");
        Assert.True(Math.Abs(result.Lcv - Value(7)) < 1e-7 * Value(7), $"LCV {result.Lcv:R} against R's {Value(7):R}");
    }
}
