namespace Trajectories.Analysis.Comparisons;

/// <summary>
/// Who an outcome counts (every person, the victims, the offenders eligible for "recent"), and the ledger keys of
/// its counts. WHY the size key of the victims base is <c>all/POPULATION/ever_victim</c>: the number of victims is the
/// ever-victim count of the whole population, and one count must have one key so it is published as one value.
/// </summary>
/// <param name="Code">Key prefix of the base's event counts.</param>
/// <param name="Description">The base in words, as published.</param>
/// <param name="SizeKey">The ledger key of a population's size under this base.</param>
internal sealed record CountBase(string Code, string Description, Func<string, string> SizeKey)
{
    /// <summary>Every person of each population.</summary>
    public static CountBase All(string description) => new("all", description, p => $"all/{p}/n");

    /// <summary>The victims of each population.</summary>
    public static CountBase Victims(string description) => new("victims", description, p => $"all/{p}/ever_victim");

    /// <summary>Offenders whose first trafficking year leaves the recent years inside the victimisation window.</summary>
    public static CountBase RecentEligible(string description) => new("recent_eligible", description, p => $"recent_eligible/{p}/n");

    /// <summary>The ledger key of the number of persons of <paramref name="population"/> with <paramref name="outcome"/>.</summary>
    public string EventKey(string population, string outcome) => $"{Code}/{population}/{outcome}";
}
