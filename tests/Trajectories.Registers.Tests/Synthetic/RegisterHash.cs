using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Tests.Synthetic;

/// <summary>A SHA-256 over every row of a register, in sink order, so determinism tests compare whole registers.</summary>
internal static class RegisterHash
{
    public static string Of(InMemoryRegister register)
    {
        var text = new StringBuilder();
        foreach (var p in register.Persons)
        {
            text.Append(CultureInfo.InvariantCulture, $"P{p.PersonId},{p.Cohort},{p.MatchId},{p.Sex},{p.BirthYear},{p.FirstTraffickingYear}\n");
        }

        foreach (var c in register.Cases)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{c.PersonId},{c.Year},{c.Cases}\n");
        }

        foreach (var e in register.Exposure)
        {
            text.Append(CultureInfo.InvariantCulture, $"E{e.PersonId},{e.Year},{e.AtRisk:R}\n");
        }

        foreach (var l in register.Lvb)
        {
            text.Append(CultureInfo.InvariantCulture, $"L{l.PersonId},{l.Source},{l.Year}\n");
        }

        foreach (var v in register.Victimisations)
        {
            text.Append(CultureInfo.InvariantCulture, $"V{v.PersonId},{v.Year},{v.Category}\n");
        }

        foreach (var t in register.Truth)
        {
            text.Append(CultureInfo.InvariantCulture, $"T{t.PersonId},{t.Profile}\n");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static InMemoryRegister Generate(int offenders, ulong seed, int threads = 2, int chunkSize = 4096, bool detention = false)
    {
        var register = new InMemoryRegister();
        Trajectories.Registers.Synthetic.SyntheticRegisterGenerator.Generate(
            new Trajectories.Registers.Synthetic.GeneratorOptions
            {
                Offenders = offenders,
                Seed = seed,
                Threads = threads,
                ChunkSize = chunkSize,
                Detention = detention,
            },
            register);
        return register;
    }
}
