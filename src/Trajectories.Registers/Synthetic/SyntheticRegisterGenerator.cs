using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic;

/// <summary>
/// Generates a synthetic register calibrated to the study's published figures (MISSION.md): N offenders with a
/// planted trajectory profile, and N criminal plus N non-criminal controls matched 1:1 on sex and birth year.
/// </summary>
/// <remarks>
/// The model is the same at every size; only the profile and first-trafficking-year counts are stratified (exact
/// rounding of the shares for N). Matches are generated in parallel chunks and streamed to the sink in match order,
/// so the output is bit-identical for any thread count and memory is bounded by the chunks in flight.
/// </remarks>
public static class SyntheticRegisterGenerator
{
    /// <summary>
    /// Writes register.json metadata and all rows to <paramref name="sink"/>, then calls
    /// <see cref="IRegisterSink.Complete"/>. On cancellation the sink is not completed, so it publishes nothing.
    /// </summary>
    /// <param name="options">Size, seed and switches.</param>
    /// <param name="sink">Receives the rows.</param>
    /// <param name="progress">Optional; receives the fraction of matches written, 0–1.</param>
    /// <param name="cancellationToken">Stops generation between chunks.</param>
    public static void Generate(
        GeneratorOptions options,
        IRegisterSink sink,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Offenders, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Threads, nameof(options));

        sink.WriteMetadata(Metadata(options));
        var generator = new MatchGenerator(options);
        var threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        var n = options.Offenders;
        var chunks = (int)(((long)n + options.ChunkSize - 1) / options.ChunkSize);
        var buffers = Enumerable.Range(0, threads * 2).Select(_ => new ChunkBuffer()).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        for (var batchStart = 0; batchStart < chunks; batchStart += buffers.Length)
        {
            var inBatch = Math.Min(buffers.Length, chunks - batchStart);
            Parallel.For(0, inBatch, parallel, i =>
            {
                var chunk = batchStart + i;
                var from = (int)((long)chunk * options.ChunkSize);
                var to = (int)Math.Min(n, (long)from + options.ChunkSize);
                buffers[i].Clear();
                generator.Generate(from, to, buffers[i]);
            });

            for (var i = 0; i < inBatch; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                buffers[i].ReplayInto(sink);
            }

            progress?.Report(Math.Min(1.0, (double)(batchStart + inBatch) / chunks));
        }

        sink.Complete();
    }

    /// <summary>The register.json content of a generated register.</summary>
    public static RegisterMetadata Metadata(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RegisterMetadata
        {
            Name = options.Name,
            Description =
                "Synthetic register calibrated to the published figures of the Dutch National Rapporteur's study of " +
                "630 offenders of domestic sexual exploitation, with 1:1 matched criminal and non-criminal controls.",
            CaseYears = ModelParameters.CaseYears,
            VictimisationYears = ModelParameters.VictimisationYears,
            LvbYears = RegisterMetadata.DefaultLvbYears,
            MinAge = ModelParameters.MinAge,
            Synthetic = new SyntheticInfo(ModelParameters.GeneratorVersion, options.Seed, options.Offenders),
        };
    }
}
