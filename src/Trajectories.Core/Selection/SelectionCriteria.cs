namespace Trajectories.Core.Selection;

/// <summary>
/// The adequacy thresholds of model selection (Nagin 2005, ch. 5; Nagin and Odgers 2010): a model is adequate when
/// every group has AvePP ≥ <see cref="MinAvePP"/>, OCC ≥ <see cref="MinOcc"/> and share ≥ <see cref="MinShare"/>.
/// </summary>
public sealed record SelectionCriteria
{
    /// <summary>Minimum average posterior probability of assignment in every group (Nagin's rule of thumb: 0.7).</summary>
    public double MinAvePP { get; init; } = 0.7;

    /// <summary>Minimum odds of correct classification in every group (Nagin's rule of thumb: 5).</summary>
    public double MinOcc { get; init; } = 5.0;

    /// <summary>
    /// Minimum estimated share of every group. Default 0.02, not the 0.05 often quoted: in offender registers the
    /// chronic ("continuous") group is small but real, and a 5 % floor would reject exactly the models that find it
    /// (the same objection as to flexmix's minprior = 0.05). Raise it for small samples.
    /// </summary>
    public double MinShare { get; init; } = 0.02;
}
