using Trajectories.Core.Inference;
using Trajectories.Core.Numerics;

namespace Trajectories.Core.Tests.Inference;

/// <summary>The assignment solver against brute force over every permutation, and the label alignment built on it.</summary>
public sealed class AssignmentTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void SolvesAsBruteForceOnRandomCosts(int n)
    {
        var random = new Random(n);
        for (var trial = 0; trial < 60; trial++)
        {
            var cost = new double[n * n];
            for (var k = 0; k < cost.Length; k++)
            {
                // Ties (small integers) as well as reals.
                cost[k] = trial % 2 == 0 ? random.Next(4) : (random.NextDouble() * 10) - 3;
            }

            var solved = Assignment.Solve(cost, n);
            Assert.Equal(Enumerable.Range(0, n), solved.Order());
            Assert.Equal(BruteForce(cost, n), Total(cost, solved, n), 9);
        }
    }

    [Fact]
    public void RefusesNonFiniteOrMisshapenCosts()
    {
        Assert.Throws<ArgumentException>(() => Assignment.Solve(new double[5], 2));
        Assert.Throws<ArgumentException>(() => Assignment.Solve([0, double.NaN, 1, 2], 2));
    }

    [Fact]
    public void AlignmentUndoesAPermutationAndCallsItClear()
    {
        var reference = new double[] { -2, -1, 0, /**/ 0, 1, 0, /**/ 1, 1.5, 2 };
        // Replicate groups: reference 3, 1, 2, slightly moved.
        var replicate = new double[] { 1.1, 1.4, 2, /**/ -2, -1.1, 0.1, /**/ 0.1, 0.9, 0 };
        var a = LabelAlignment.Align(reference, replicate, 3);
        Assert.Equal([2, 0, 1], a.ReferenceOf);
        Assert.True(a.Clear);
    }

    [Fact]
    public void TwoReplicateGroupsNearOneReferenceGroupAreNotClear()
    {
        var reference = new double[] { -2, -2, /**/ 0, 0, /**/ 2, 2 };
        // The replicate merged the first two groups into two copies near the second and split the third.
        var replicate = new double[] { 0.1, 0, /**/ -0.1, 0, /**/ 2, 2 };
        var a = LabelAlignment.Align(reference, replicate, 3);
        Assert.False(a.Clear);
    }

    private static double Total(double[] cost, int[] assignment, int n) => Enumerable.Range(0, n).Sum(r => cost[(r * n) + assignment[r]]);

    private static double BruteForce(double[] cost, int n)
    {
        var best = double.PositiveInfinity;
        void Walk(int[] perm, int k)
        {
            if (k == n)
            {
                best = Math.Min(best, Total(cost, perm, n));
                return;
            }

            for (var j = k; j < n; j++)
            {
                (perm[k], perm[j]) = (perm[j], perm[k]);
                Walk(perm, k + 1);
                (perm[k], perm[j]) = (perm[j], perm[k]);
            }
        }

        Walk(Enumerable.Range(0, n).ToArray(), 0);
        return best;
    }
}
