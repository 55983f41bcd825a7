using Microsoft.Data.Analysis;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Io;

// Run from the repository root (or pass a register folder): the study on the shipped synthetic register.
var register = RegisterReader.Load(args.Length > 0 ? args[0] : "sample-registers/study");
var options = new AnalysisOptions { Groups = [4], Orders = [3] };    // new AnalysisOptions() runs the full selection grid
AnalysisRun run = StudyAnalysis.RunWithMicrodata(register, options); // the fit with its posteriors stays in this process
AnalysisResult result = run.Published;                               // the disclosed results: what may be published
DataFrame profiles = result.ProfilesFrame();                         // every table: result.Frame("contrasts"), …
Console.WriteLine(profiles.ToString());
Console.WriteLine($"log-likelihood {run.Fit.LogLikelihood:F3}; {result.Profiles.Count} profiles");
