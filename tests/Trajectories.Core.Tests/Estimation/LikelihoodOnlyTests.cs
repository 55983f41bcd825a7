using Trajectories.Core.Estimation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>The line-search evaluation (log-likelihood only) and the E-step state it must leave alone.</summary>
public class LikelihoodOnlyTests
{
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(true, 3)]
    public void EqualsTheEStepLogLikelihoodToTheBit(bool exposure, int threads)
    {
        var panel = Models.Messy(6000, 21, exposure);
        var m = Models.Likelihood(panel, Models.MessyZip, threads);
        var psi = Models.MessyPsi(m);
        var other = psi.Select(x => x + 0.05).ToArray();
        var full = m.EStep(other);
        m.EStep(psi);
        var posteriors = m.State.Posteriors.ToArray();
        var weights = m.State.CellWeights.ToArray();
        var stateLl = m.State.LogLikelihood;

        Assert.Equal(full, m.LogLikelihood(other));
        Assert.Equal(posteriors, m.State.Posteriors);
        Assert.Equal(weights, m.State.CellWeights);
        Assert.Equal(stateLl, m.State.LogLikelihood);
    }

    [Fact]
    public void EStepAfterALikelihoodOnlyCallBelongsToItsOwnPoint()
    {
        var panel = Models.Messy(3000, 22);
        var m = Models.Likelihood(panel, Models.MessyZip);
        var psi = Models.MessyPsi(m);
        var expected = m.EStep(psi);
        var posteriors = m.State.Posteriors.ToArray();
        m.LogLikelihood(psi.Select(x => x - 0.1).ToArray());

        // The state is still that of ψ, and so must be the tables the M-step and the Hessian read next.
        Assert.Equal(expected, m.EStep(psi));
        Assert.Equal(posteriors, m.State.Posteriors);
        var fresh = Models.Likelihood(panel, Models.MessyZip);
        fresh.EStep(psi);
        Assert.Equal(fresh.Tables.Full, m.Tables.Full);
    }

    [Fact]
    public void SetPosteriorsForcesTheNextEStep()
    {
        var panel = Models.Messy(2000, 23, exposure: false);
        var m = Models.Likelihood(panel, Models.MessyZip);
        var psi = Models.MessyPsi(m);
        m.EStep(psi);
        var posteriors = m.State.Posteriors.ToArray();
        var hard = new double[posteriors.Length];
        for (var i = 0; i < hard.Length; i += 3)
        {
            hard[i] = 1.0;
        }

        m.SetPosteriors(hard);
        Assert.Equal(hard, m.State.Posteriors);
        m.EStep(psi);
        Assert.Equal(posteriors, m.State.Posteriors);
    }

    [Fact]
    public void RecomputedEStepEqualsTheRemembered()
    {
        var panel = Models.Messy(2000, 24);
        var m = Models.Likelihood(panel, Models.MessyZip);
        var psi = Models.MessyPsi(m);
        var first = m.EStep(psi);
        var weights = m.State.CellWeights.ToArray();
        Assert.Equal(first, m.RecomputeEStep(psi));
        Assert.Equal(weights, m.State.CellWeights);
    }
}
