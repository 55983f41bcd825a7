using Trajectories.Core.Membership;
using Trajectories.Core.Basis;
using Trajectories.Core.Numerics;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The marginal log-likelihood ℓ(ψ) = Σ_i w_i log Σ_g π_g f_g(y_i) of one model on one data set: E-step, M-step,
/// analytic gradient and the numerical Hessian built from it. Owns the reusable buffers of a fit.
/// </summary>
public sealed class MixtureLikelihood
{
    private readonly GroupObjective _objective;
    private readonly int _threads;

    /// <summary>The ψ of the last full E-step, while <see cref="State"/> still belongs to it.</summary>
    private double[]? _statePsi;

    /// <summary>Prepares buffers for <paramref name="spec"/> on <paramref name="layout"/>.</summary>
    /// <param name="layout">The indexed data.</param>
    /// <param name="spec">The model.</param>
    /// <param name="times">The time grid.</param>
    /// <param name="scale">The scaled time of the grid.</param>
    /// <param name="threads">Threads of the E-step (results do not depend on it).</param>
    /// <param name="membership">The membership model bound to the layout's rows (<see cref="PreparedPanel.Membership"/>); constant shares when null.</param>
    /// <param name="backend">Runs the E-steps (<see cref="ChunkedEStep"/> on <paramref name="threads"/> threads when null).</param>
    public MixtureLikelihood(
        CellLayout layout, ModelSpecification spec, IReadOnlyList<double> times, TimeScale scale, int threads, IMembershipModel? membership = null,
        IEStepBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(spec);
        membership ??= ConstantMembership.Instance;
        if (membership.Width != spec.MembershipWidth)
        {
            throw new ArgumentException($"the membership model has {membership.Width} covariates per row, the model {spec.MembershipWidth}.", nameof(membership));
        }

        Layout = layout;
        Spec = spec;
        Membership = membership;
        Parameters = new ParameterLayout(spec);
        Tables = new GroupTables(layout, spec, times, scale);
        State = new EStepResult(layout.RowCount, layout.CellCount, spec.Groups, spec.Family.HasPersonFrailty);
        _objective = new GroupObjective(layout, spec.Family, layout.CovariateColumns(spec.TimeCovariates));
        _threads = Math.Max(1, threads);
        Backend = backend ?? new ChunkedEStep(_threads);
    }

    /// <summary>The indexed data.</summary>
    public CellLayout Layout { get; }

    /// <summary>The model.</summary>
    public ModelSpecification Spec { get; }

    /// <summary>What runs the E-steps.</summary>
    public IEStepBackend Backend { get; }

    /// <summary>The membership model, bound to the layout's rows.</summary>
    public IMembershipModel Membership { get; }

    /// <summary>Where parameters live in ψ.</summary>
    public ParameterLayout Parameters { get; }

    /// <summary>The per-cell tables of the last E-step.</summary>
    public GroupTables Tables { get; }

    /// <summary>Posteriors, cell weights and log-likelihood of the last E-step.</summary>
    public EStepResult State { get; }

    /// <summary>Runs the E-step at ψ and returns the log-likelihood.</summary>
    public double EStep(ReadOnlySpan<double> psi)
    {
        Tables.Update(psi, _threads);
        if (_statePsi is not null && psi.SequenceEqual(_statePsi))
        {
            // The state already belongs to ψ (e.g. the Hessian right after the gradient at the same point).
            return State.LogLikelihood;
        }

        Backend.Run(Layout, Tables, Membership, psi.Slice(0, Parameters.MembershipCount), State);
        _statePsi = psi.ToArray();
        return State.LogLikelihood;
    }

    /// <summary>The E-step at ψ computed afresh even when the state already belongs to ψ (for timings).</summary>
    public double RecomputeEStep(ReadOnlySpan<double> psi)
    {
        _statePsi = null;
        return EStep(psi);
    }

    /// <summary>
    /// Sets the posteriors (rows × groups) directly, e.g. the hard partition of a starting value, and derives the cell
    /// weights from them; the next <see cref="EStep"/> recomputes everything.
    /// </summary>
    public void SetPosteriors(ReadOnlySpan<double> posteriors)
    {
        _statePsi = null;
        State.ForgetDeferred();
        posteriors.CopyTo(State.PosteriorsBuffer);
        EStepKernel.CellWeightsFromPosteriors(Layout, Spec.Groups, State);
    }

    /// <summary>
    /// The log-likelihood at ψ without posteriors or cell weights (for line searches): bit-identical to what
    /// <see cref="EStep"/> would return, but <see cref="State"/> keeps the last E-step and <see cref="Tables"/> now hold ψ.
    /// </summary>
    public double LogLikelihood(ReadOnlySpan<double> psi)
    {
        Tables.Update(psi, _threads);
        return Backend.LogLikelihood(Layout, Tables, Membership, psi.Slice(0, Parameters.MembershipCount));
    }

    /// <summary>Expected number of persons in each group at the last E-step.</summary>
    public double[] GroupSizes() => State.GroupSums.ToArray();

    /// <summary>
    /// The M-step from the last E-step's statistics, warm-started at ψ and written into it: exact shares, then for
    /// each group damped Newton on Q_g with step halving, so Q never decreases (a generalised EM step, Dempster,
    /// Laird and Rubin 1977 §3). For ZIP this is direct Newton on the weighted ZIP likelihood, which needs no inner
    /// latent-indicator loop because Levenberg damping keeps each step an ascent step where Q_g is not concave.
    /// </summary>
    public void MStep(Span<double> psi, int newtonSteps)
    {
        Membership.Maximize(State, Layout.Weights, Spec.Groups, psi.Slice(0, Parameters.MembershipCount));
        for (var g = 0; g < Spec.Groups; g++)
        {
            MaximizeGroup(psi, g, newtonSteps);
        }
    }

    /// <summary>Damped Newton on Q_g for group g; true when a step was taken.</summary>
    public bool MaximizeGroup(Span<double> psi, int g, int newtonSteps)
    {
        var p = Parameters;
        var n = p.GroupWidth(g);
        var coef = psi.Slice(p.BetaOffset[g], n);
        if (State.FrailtyFromPrior)
        {
            // Posteriors set from a partition: the frailty's posterior is its prior at the group's current shape, and
            // Q_a is then maximal at that shape, which the step therefore keeps.
            State.FrailtyShapeAt[g] = Families.GammaFrailty.Shape(psi[p.GammaOffset[g]]);
        }

        var grad = new double[n];
        var hess = new double[n * n];
        var trial = new double[n];
        var moved = false;
        for (var it = 0; it < newtonSteps; it++)
        {
            var q = Q(g, coef, grad, hess);
            for (var k = 0; k < hess.Length; k++)
            {
                hess[k] = -hess[k];
            }

            var step = Cholesky.SolveDamped(hess, n, grad);
            if (step is null || !double.IsFinite(q) || step.Max(Math.Abs) < 1e-12)
            {
                // Singular, non-finite, or already at the maximum to rounding: halving would only burn evaluations.
                return moved;
            }

            var accepted = false;
            for (var s = 1.0; s > 1e-6; s *= 0.5)
            {
                for (var k = 0; k < n; k++)
                {
                    trial[k] = coef[k] + (s * step[k]);
                }

                var qt = Q(g, trial, [], []);
                if (double.IsFinite(qt) && qt >= q)
                {
                    accepted = true;
                    break;
                }
            }

            if (!accepted)
            {
                return moved;
            }

            var change = 0.0;
            for (var k = 0; k < n; k++)
            {
                change = Math.Max(change, Math.Abs(trial[k] - coef[k]));
            }

            trial.CopyTo(coef);
            moved = true;
            if (change < 1e-10)
            {
                return moved;
            }
        }

        return moved;
    }

    /// <summary>The analytic gradient of ℓ at ψ (runs an E-step); returns ℓ.</summary>
    public double Gradient(ReadOnlySpan<double> psi, Span<double> gradient)
    {
        var ll = EStep(psi);
        var p = Parameters;
        gradient.Slice(0, p.Total).Clear();
        Membership.AddGradient(psi.Slice(0, p.MembershipCount), State, Layout.Weights, gradient.Slice(0, p.MembershipCount));
        for (var g = 0; g < Spec.Groups; g++)
        {
            var n = p.GroupWidth(g);
            Q(g, psi.Slice(p.BetaOffset[g], n), gradient.Slice(p.BetaOffset[g], n), []);
        }

        return ll;
    }

    /// <summary>
    /// The Hessian of ℓ at ψ by central differences of the analytic gradient (step 1e-5·max(1, |ψ_j|)), symmetrised;
    /// truncation error O(h²) relative, far below the sampling error of the standard errors it feeds.
    /// </summary>
    public double[] Hessian(ReadOnlySpan<double> psi)
    {
        var n = Parameters.Total;
        var h = new double[n * n];
        var x = psi.ToArray();
        var up = new double[n];
        var down = new double[n];
        for (var j = 0; j < n; j++)
        {
            var step = 1e-5 * Math.Max(1.0, Math.Abs(x[j]));
            var orig = x[j];
            x[j] = orig + step;
            Gradient(x, up);
            x[j] = orig - step;
            Gradient(x, down);
            x[j] = orig;
            for (var i = 0; i < n; i++)
            {
                h[(i * n) + j] = (up[i] - down[i]) / (2 * step);
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var s = 0.5 * (h[(i * n) + j] + h[(j * n) + i]);
                h[(i * n) + j] = s;
                h[(j * n) + i] = s;
            }
        }

        EStep(psi);
        return h;
    }

    /// <summary>
    /// The exact Hessian of ℓ at ψ (Louis' identity, see <see cref="AnalyticHessian"/>; one pass over the rows). Leaves
    /// the E-step state at ψ.
    /// </summary>
    /// <remarks>
    /// A frailty model's row log-likelihoods are not sums over cells (each depends on the row's Σ μ through the
    /// negative multinomial term); <see cref="FrailtyRowTerms"/> adds that term's score and curvature per row, so one
    /// pass serves every family (<see cref="Hessian"/>, 2P E-steps, is the reference the tests compare it with).
    /// </remarks>
    public double[] ExactHessian(ReadOnlySpan<double> psi) => AnalyticHessian.Compute(this, psi, _threads);

    /// <summary>Q_g (group g's posterior-weighted log-likelihood at the last E-step's weights) for its coefficients in ψ.</summary>
    internal double GroupValue(ReadOnlySpan<double> psi, int g) =>
        Q(g, psi.Slice(Parameters.BetaOffset[g], Parameters.GroupWidth(g)), [], []);

    /// <summary>Q_g and its Hessian at the last E-step's weights, for group g's coefficients in ψ.</summary>
    internal void GroupHessian(ReadOnlySpan<double> psi, int g, Span<double> hessian)
    {
        var n = Parameters.GroupWidth(g);
        var grad = new double[n];
        Q(g, psi.Slice(Parameters.BetaOffset[g], n), grad, hessian);
    }

    private double Q(int g, ReadOnlySpan<double> coef, Span<double> grad, Span<double> hess)
    {
        var p = Parameters;
        var pb = p.TrajectoryWidth(g);
        return _objective.Evaluate(
            State, g, Spec.Groups, Tables.Designs[g], Tables.SecondaryDesigns[g],
            coef.Slice(0, pb), coef.Slice(pb), grad, hess);
    }
}
