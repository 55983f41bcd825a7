namespace Trajectories.Analysis.Study;

/// <summary>No model of the selection grid could be fitted; the message lists the fits' errors.</summary>
public sealed class NoModelFittedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public NoModelFittedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NoModelFittedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public NoModelFittedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
