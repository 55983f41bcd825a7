namespace Trajectories.Core.Estimation;

/// <summary>Progress of a fit: the phase ("start", "finalist") and how many of its steps are done.</summary>
public sealed record FitProgress(string Phase, int Completed, int Total);
