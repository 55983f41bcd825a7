using System.Diagnostics;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;

namespace Trajectories.Analysis.Tests.Study;

/// <summary>One study-size synthetic register (630 offenders, fixed seed) analysed once and shared by the end-to-end tests.</summary>
public sealed class StudyFixture
{
    public StudyFixture()
    {
        Register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 630, Seed = 2024 }, Register);
        var watch = Stopwatch.StartNew();
        // The full default grid (K 1–6 × orders 1–3) with few starts keeps the test honest about selection yet fast.
        Result = StudyAnalysis.Run(Register, new AnalysisOptions { Starts = 4, Seed = 3 });
        Seconds = watch.Elapsed.TotalSeconds;
    }

    public InMemoryRegister Register { get; }

    public AnalysisResult Result { get; }

    public double Seconds { get; }
}
