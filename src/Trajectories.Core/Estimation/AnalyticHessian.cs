using Trajectories.Core.Membership;
using Trajectories.Core.Numerics;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The exact Hessian of the marginal log-likelihood ℓ = Σ_i w_i log Σ_g π_g f_ig (Louis 1982, J. R. Stat. Soc. B 44:226):
/// with a_ig = log π_g + log f_ig and posteriors p_ig,
/// ∇²ℓ = Σ_i w_i [Σ_g p_ig ∇²a_ig + Σ_g p_ig (∇a_ig − m_i)(∇a_ig − m_i)ᵀ], m_i = Σ_g p_ig ∇a_ig.
/// The first term is the membership curvature −Σ_i w_i (diag π_i − π_iπ_iᵀ) ⊗ x_i x_iᵀ (the membership model's own,
/// <see cref="IMembershipModel.AddCurvature"/>) plus each group's cell-weighted Hessian; the second needs every row's
/// score, built like the E-step from prefix sums over its window plus its listed cells. A frailty group's row
/// log-density is not a sum over cells: its person-level term adds to each row's score and curvature
/// (<see cref="FrailtyRowTerms"/>), and its group Hessian contributes only the β block.
/// </summary>
internal static class AnalyticHessian
{
    /// <summary>The Hessian at ψ (runs an E-step).</summary>
    public static double[] Compute(MixtureLikelihood model, ReadOnlySpan<double> psi, int threads)
    {
        model.EStep(psi);
        var p = model.Parameters;
        var layout = model.Layout;
        var tab = model.Tables;
        int groups = p.Groups, time = tab.Time, n = p.Total, cells = layout.CellCount;
        var family = model.Spec.Family;

        // Per cell and group: ∂ log f/∂η and ∂ log f/∂ζ; windowed rows use differences to the baseline cell.
        var dEta = new double[cells * groups];
        var dZeta = new double[cells * groups];
        for (var c = 0; c < cells; c++)
        {
            var t = layout.CellTime[c];
            for (var g = 0; g < groups; g++)
            {
                var d = family.Derivatives(layout.CellY[c], layout.CellLogExposure[c], tab.EtaOf(c, g), tab.Zeta[(g * time) + t]);
                dEta[(c * groups) + g] = d.Eta;
                dZeta[(c * groups) + g] = d.Zeta;
            }
        }

        // Prefix sums over time of the baseline score vectors of each group, index (t·width + k) per group.
        var prefix = new double[groups][];
        for (var g = 0; g < groups; g++)
        {
            var width = p.GroupWidth(g);
            prefix[g] = new double[(time + 1) * width];
            for (var t = 0; t < time; t++)
            {
                for (var k = 0; k < width; k++)
                {
                    prefix[g][((t + 1) * width) + k] = prefix[g][(t * width) + k] + ScoreTerm(model, g, t, k, dEta[(t * groups) + g], dZeta[(t * groups) + g]);
                }
            }
        }

        var chunks = (layout.RowCount + EStepKernel.ChunkRows - 1) / EStepKernel.ChunkRows;
        var partial = new double[chunks][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, chunk =>
        {
            partial[chunk] = OuterProducts(model, chunk, dEta, dZeta, prefix);
        });

        var h = new double[n * n];
        foreach (var part in partial)
        {
            for (var k = 0; k < h.Length; k++)
            {
                h[k] += part[k];
            }
        }

        // The curvature is added to the full θ × θ block, which the mirroring below keeps (it is symmetric).
        var curvature = new double[p.MembershipCount * p.MembershipCount];
        model.Membership.AddCurvature(psi.Slice(0, p.MembershipCount), layout.Weights, groups, curvature, p.MembershipCount);
        for (var a = 0; a < p.MembershipCount; a++)
        {
            for (var b = a; b < p.MembershipCount; b++)
            {
                h[(a * n) + b] += curvature[(a * p.MembershipCount) + b];
            }
        }

        for (var g = 0; g < groups; g++)
        {
            var width = p.GroupWidth(g);
            var block = new double[width * width];
            model.GroupHessian(psi, g, block);
            if (family.HasPersonFrailty)
            {
                // Q_a's curvature in ζ is that of the complete data; the observed one comes per row (FrailtyRowTerms).
                var pt = p.TrajectoryWidth(g);
                block[(pt * width) + pt] = 0.0;
            }

            var off = p.BetaOffset[g];
            for (var a = 0; a < width; a++)
            {
                for (var b = 0; b < width; b++)
                {
                    h[((off + a) * n) + off + b] += block[(a * width) + b];
                }
            }
        }

        // The outer products were accumulated in the upper triangle only (the curvature blocks in both): the upper
        // triangle is complete, so mirror it.
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < a; b++)
            {
                h[(a * n) + b] = h[(b * n) + a];
            }
        }

        return h;
    }

    /// <summary>
    /// Entry k of a baseline cell's score in group g at time t: β's from x_t, δ's 0 (a baseline cell has covariates 0),
    /// γ's from z_t.
    /// </summary>
    private static double ScoreTerm(MixtureLikelihood model, int g, int t, int k, double dEta, double dZeta)
    {
        var p = model.Parameters;
        int pb = p.Orders[g] + 1, pt = p.TrajectoryWidth(g), pz = p.SecondaryOrders[g] + 1;
        return k < pb ? dEta * model.Tables.Designs[g][(t * pb) + k]
            : k < pt ? 0.0
            : dZeta * model.Tables.SecondaryDesigns[g][(t * pz) + k - pt];
    }

    /// <summary>
    /// Σ_i w_i Σ_g p_ig (s_ig − m_i)(s_ig − m_i)ᵀ over one chunk of rows (upper triangle). Group g's score s_ig is
    /// (e_g − π_i) ⊗ x_i on θ (group 1 the reference; x_i the row's membership covariates, [1] for constant shares) and
    /// its own block u_ig on (β_g, γ_g), zero on the other blocks. The −π_i ⊗ x_i part is common to all groups and
    /// cancels in the centred sum, so s_ig is e_g ⊗ x_i on θ. With q_i = (p_i2·x_i, …, p_iG·x_i; p_i1·u_i1, …, p_iG·u_iG)
    /// the sum over groups equals −q qᵀ + p_ig·x_i x_iᵀ on θ_g × θ_g + p_ig·x_i u_igᵀ on θ_g × block g +
    /// p_ig·u_ig u_igᵀ on block g × block g, so a row costs one rank-one update of size n instead of G of them.
    /// </summary>
    private static double[] OuterProducts(MixtureLikelihood model, int chunk, double[] dEta, double[] dZeta, double[][] prefix)
    {
        var p = model.Parameters;
        var layout = model.Layout;
        var tab = model.Tables;
        int groups = p.Groups, n = p.Total;
        var acc = new double[n * n];
        var u = new double[n];
        var q = new double[n];
        var stride = layout.CovariateCount;
        var columns = layout.CovariateColumns(model.Spec.TimeCovariates);
        var frailty = model.Spec.Family.HasPersonFrailty ? new FrailtyRowTerms(model) : null;
        var end = Math.Min(layout.RowCount, (chunk + 1) * EStepKernel.ChunkRows);
        for (var i = chunk * EStepKernel.ChunkRows; i < end; i++)
        {
            int a = layout.WindowStart[i], b = layout.WindowEnd[i];
            var windowed = b > 0;
            var post = model.State.Posteriors.AsSpan(i * groups, groups);
            var w = layout.Weights[i];
            var x = model.Membership.Row(i);
            var mw = x.Length;
            for (var g = 1; g < groups; g++)
            {
                for (var k = 0; k < mw; k++)
                {
                    q[((g - 1) * mw) + k] = post[g] * x[k];
                }
            }

            for (var g = 0; g < groups; g++)
            {
                int off = p.BetaOffset[g], width = p.GroupWidth(g), pb = p.Orders[g] + 1, pt = p.TrajectoryWidth(g), pz = width - pt;
                var block = u.AsSpan(off, width);
                if (windowed)
                {
                    for (var k = 0; k < width; k++)
                    {
                        block[k] = prefix[g][(b * width) + k] - prefix[g][(a * width) + k];
                    }
                }
                else
                {
                    block.Clear();
                }

                var design = tab.Designs[g];
                var z = tab.SecondaryDesigns[g];
                for (var j = layout.ListStart[i]; j < layout.ListStart[i + 1]; j++)
                {
                    var c = layout.Cells[j];
                    var t = layout.CellTime[c];
                    var de = dEta[(c * groups) + g] - (windowed ? dEta[(t * groups) + g] : 0.0);
                    var dz = dZeta[(c * groups) + g] - (windowed ? dZeta[(t * groups) + g] : 0.0);
                    for (var k = 0; k < pb; k++)
                    {
                        block[k] += de * design[(t * pb) + k];
                    }

                    // δ: the cell's own covariates (the baseline cell's are 0, so nothing to take off).
                    for (var k = 0; k < pt - pb; k++)
                    {
                        block[pb + k] += dEta[(c * groups) + g] * layout.CellCovariates[(c * stride) + columns[k]];
                    }

                    for (var k = 0; k < pz; k++)
                    {
                        block[pt + k] += dz * z[(t * pz) + k];
                    }
                }

                // A frailty row's person-level term: its share of the score, and its own curvature (weighted w·p).
                frailty?.Apply(i, g, block, w * post[g], acc, off, n);
                for (var k = 0; k < width; k++)
                {
                    q[off + k] = post[g] * block[k];
                }
            }

            for (var r = 0; r < n; r++)
            {
                var wq = w * q[r];
                if (wq != 0)
                {
                    GroupVector.AddScaled(acc, (r * n) + r, q.AsSpan(r), -wq, n - r);
                }
            }

            for (var g = 0; g < groups; g++)
            {
                var wp = w * post[g];
                if (wp == 0)
                {
                    continue;
                }

                int off = p.BetaOffset[g], width = p.GroupWidth(g);
                if (g > 0)
                {
                    // θ_g (group g's own membership block): p·x xᵀ on its diagonal block (upper triangle), and
                    // w·x_k·(p·u) on its rows of block g.
                    var first = (g - 1) * mw;
                    for (var k = 0; k < mw; k++)
                    {
                        var row = first + k;
                        for (var l = k; l < mw; l++)
                        {
                            acc[(row * n) + first + l] += wp * x[k] * x[l];
                        }

                        GroupVector.AddScaled(acc, (row * n) + off, q.AsSpan(off, width), w * x[k], width);
                    }
                }

                for (var r = 0; r < width; r++)
                {
                    var wu = wp * u[off + r];
                    if (wu != 0)
                    {
                        GroupVector.AddScaled(acc, ((off + r) * n) + off + r, u.AsSpan(off + r, width - r), wu, width - r);
                    }
                }
            }
        }

        return acc;
    }
}
