using Trajectories.Core.Estimation;
using Trajectories.Core.Membership;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>The E-step seam: a fit runs every E-step through the backend it is given, and gets the same result.</summary>
public class EStepBackendTests
{
    /// <summary>Delegates to the in-process kernel and counts the calls.</summary>
    private sealed class CountingBackend : IEStepBackend
    {
        private readonly ChunkedEStep _inner = new(1);

        public int Runs { get; private set; }

        public int LikelihoodOnly { get; private set; }

        public void Run(CellLayout layout, GroupTables tables, IMembershipModel membership, ReadOnlySpan<double> theta, EStepResult result)
        {
            Runs++;
            _inner.Run(layout, tables, membership, theta, result);
        }

        public double LogLikelihood(CellLayout layout, GroupTables tables, IMembershipModel membership, ReadOnlySpan<double> theta)
        {
            LikelihoodOnly++;
            return _inner.LogLikelihood(layout, tables, membership, theta);
        }
    }

    [Fact]
    public void AFitRunsItsEStepsThroughTheGivenBackendWithTheSameResult()
    {
        var panel = Models.Messy(2000, 61);
        var options = new FitOptions { Starts = 4, Seed = 5, Threads = 2 };
        var plain = TrajectoryEstimator.Fit(panel, Models.MessyZip, options);
        var backend = new CountingBackend();
        var viaBackend = TrajectoryEstimator.Fit(panel, Models.MessyZip, options with { EStep = backend });

        Assert.True(backend.Runs > 10, $"{backend.Runs} E-steps");
        Assert.Equal(plain.LogLikelihood, viaBackend.LogLikelihood);
        Assert.Equal(plain.Parameters, viaBackend.Parameters);
    }

    [Fact]
    public void GroupSumsAreThePosteriorWeightsOfEachGroup()
    {
        var panel = Models.Messy(3000, 62);
        var m = Models.Likelihood(panel, Models.MessyZip, threads: 2);
        m.EStep(Models.MessyPsi(m));
        var groups = m.Spec.Groups;
        for (var g = 0; g < groups; g++)
        {
            var expected = 0.0;
            for (var i = 0; i < m.Layout.RowCount; i++)
            {
                expected += m.Layout.Weights[i] * m.State.Posteriors[(i * groups) + g];
            }

            Assert.Equal(expected, m.State.GroupSums[g], 9);
        }

        Assert.Equal(panel.PersonCount, m.State.GroupSums.Sum(), 9);
    }
}
