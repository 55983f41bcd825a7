namespace Trajectories.Core.Estimation;

/// <summary>
/// The model cannot be fitted to these data as specified (too many groups for the distinct patterns, a polynomial
/// order the time grid cannot identify, all-zero counts, …). The message says which and why.
/// </summary>
public sealed class ModelSpecificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelSpecificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ModelSpecificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ModelSpecificationException()
        : base("the model specification is not valid for these data.")
    {
    }
}
