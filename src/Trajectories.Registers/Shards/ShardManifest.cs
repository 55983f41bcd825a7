using System.Text.Json.Serialization;

namespace Trajectories.Registers.Shards;

/// <summary>The sizes of a shard's files (<c>shard.json</c>), checked when it is read back.</summary>
/// <param name="Format">Always <see cref="LayoutShardFiles.Format"/>.</param>
/// <param name="FirstRow">The whole layout's index of the shard's first row.</param>
/// <param name="Rows">Rows in <c>rows.parquet</c>.</param>
/// <param name="TimeCount">Time points T (the shard's cells 0 … T−1 are the baselines).</param>
/// <param name="Cells">Rows in <c>cells.parquet</c>.</param>
/// <param name="CatalogueCells">Rows in <c>catalogue.parquet</c>.</param>
/// <param name="MembershipWidth">Membership covariates per row (0 for constant shares).</param>
internal sealed record Manifest(string Format, int FirstRow, int Rows, int TimeCount, int Cells, int CatalogueCells, int MembershipWidth);

/// <summary>The manifest's JSON (snake_case, like the project's other result files).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(Manifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
