using Microsoft.Data.Analysis;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Io;
using Trajectories.Reporting.Report;

// From the repository root, or pass a register folder and a report folder.
var register = RegisterReader.Load(args.Length > 0 ? args[0] : "sample-registers/study");
var options = new AnalysisOptions { Groups = [4], Orders = [3] };    // new AnalysisOptions() runs the full selection grid
AnalysisRun run = StudyAnalysis.RunWithMicrodata(register, options); // the fit with its posteriors stays in this process
AnalysisResult result = run.Published;                               // the disclosed results: what may be published
DataFrame profiles = result.ProfilesFrame();                         // every table: result.Frame("contrasts"), …
Console.WriteLine(profiles.ToString());
Console.WriteLine($"log-likelihood {run.Fit.LogLikelihood:F3}; {result.Profiles.Count} profiles");
string folder = ReportWriter.Write(result, args.Length > 1 ? args[1] : "my-report"); // the full report, as analyze writes it
Console.WriteLine($"report: {folder}");
