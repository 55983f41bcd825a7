using Trajectories.Core.Numerics;

namespace Trajectories.Core.Estimation;

/// <summary>The state of one optimisation run: parameters, log-likelihood, iterations and why it stopped.</summary>
internal sealed record RunState(double[] Psi, double LogLikelihood, int Iterations, StopReason Reason, bool Converged);

/// <summary>
/// Runs EM from a starting vector, then polishes with Newton on the marginal log-likelihood. EM is monotone and
/// robust far from the optimum but linear near it; Newton with the Hessian of the analytic gradient converges
/// quadratically there, and its gradient is what convergence is judged on.
/// </summary>
internal static class EmRunner
{
    /// <summary>
    /// EM from ψ for at most <paramref name="maxIterations"/> iterations or until the relative LL change falls below
    /// <paramref name="tolerance"/>. Each iteration is E-step then M-step, so the returned LL is that of the returned ψ
    /// after a final E-step.
    /// </summary>
    public static RunState Em(MixtureLikelihood model, double[] psi, int maxIterations, double tolerance)
    {
        var ll = model.EStep(psi);
        var it = 0;
        while (it < maxIterations)
        {
            model.MStep(psi, 1);
            var next = model.EStep(psi);
            it++;
            var change = next - ll;
            ll = next;
            if (!double.IsFinite(ll))
            {
                return new RunState(psi, ll, it, StopReason.NumericalFailure, false);
            }

            if (Math.Abs(change) <= tolerance * Math.Max(1.0, Math.Abs(ll)))
            {
                return new RunState(psi, ll, it, StopReason.Converged, true);
            }
        }

        return new RunState(psi, ll, it, StopReason.MaxIterations, false);
    }

    /// <summary>
    /// Newton–Raphson on ℓ(ψ) with the exact Hessian, Levenberg damping and backtracking (never accepts a decrease).
    /// Converged when the relative LL change and max |∂ℓ/∂ψ| / persons are both below the tolerances.
    /// </summary>
    /// <remarks>
    /// The full step is evaluated with its gradient (one E-step), since near the optimum it is almost always accepted
    /// and that gradient is the next iteration's; shortened steps only need the log-likelihood. The exact Hessian is
    /// refreshed at every iteration (a few E-steps' worth, for quadratic convergence).
    /// </remarks>
    public static RunState Newton(MixtureLikelihood model, double[] psi, int startIterations, FitOptions options, double persons)
    {
        var n = model.Parameters.Total;
        var grad = new double[n];
        var trialGrad = new double[n];
        var trial = new double[n];
        var previous = double.NegativeInfinity;
        var ll = model.Gradient(psi, grad);
        for (var it = 0; it < options.MaxNewtonIterations; it++)
        {
            var gmax = grad.Max(Math.Abs);
            if (!double.IsFinite(ll) || !double.IsFinite(gmax))
            {
                return new RunState(psi, ll, startIterations + it, StopReason.NumericalFailure, false);
            }

            var small = gmax <= options.GradientTolerance * Math.Max(1.0, persons);
            if (small && Math.Abs(ll - previous) <= options.RelativeTolerance * Math.Max(1.0, Math.Abs(ll)))
            {
                return new RunState(psi, ll, startIterations + it, StopReason.Converged, true);
            }

            var negativeHessian = model.ExactHessian(psi);
            for (var k = 0; k < negativeHessian.Length; k++)
            {
                negativeHessian[k] = -negativeHessian[k];
            }


            var step = Cholesky.SolveDamped(negativeHessian, n, grad);
            if (step is null)
            {
                return Finish(model, psi, startIterations + it, small);
            }

            var accepted = false;
            var fullStep = false;
            var lt = double.NegativeInfinity;
            for (var s = 1.0; s > 1e-8; s *= 0.5)
            {
                for (var k = 0; k < n; k++)
                {
                    trial[k] = psi[k] + (s * step[k]);
                }

                lt = s == 1.0 ? model.Gradient(trial, trialGrad) : model.LogLikelihood(trial);
                if (double.IsFinite(lt) && lt >= ll)
                {
                    accepted = true;
                    fullStep = s == 1.0;
                    break;
                }
            }

            if (!accepted)
            {
                // No ascent direction left at machine precision: the gradient decides whether this is the optimum.
                return Finish(model, psi, startIterations + it, small);
            }

            previous = ll;
            trial.CopyTo(psi, 0);
            if (fullStep)
            {
                ll = lt;
                (grad, trialGrad) = (trialGrad, grad);
            }
            else
            {
                ll = model.Gradient(psi, grad);
            }
        }

        var ok = grad.Max(Math.Abs) <= options.GradientTolerance * Math.Max(1.0, persons);
        return new RunState(psi, ll, startIterations + options.MaxNewtonIterations, ok ? StopReason.Converged : StopReason.MaxIterations, ok);
    }

    private static RunState Finish(MixtureLikelihood model, double[] psi, int iterations, bool small)
    {
        var ll = model.EStep(psi);
        return new RunState(psi, ll, iterations, small ? StopReason.Converged : StopReason.MaxIterations, small);
    }
}
