namespace Trajectories.Registers.Model;

/// <summary>The six row types of a register, appended one at a time (rows of different tables may interleave).</summary>
public interface IRegisterRows
{
    /// <summary>Appends a person.</summary>
    void Add(in PersonRow row);

    /// <summary>Appends a case row.</summary>
    void Add(in CaseRow row);

    /// <summary>Appends an exposure row.</summary>
    void Add(in ExposureRow row);

    /// <summary>Appends an LVB row.</summary>
    void Add(in LvbRow row);

    /// <summary>Appends a victimisation row.</summary>
    void Add(in VictimisationRow row);

    /// <summary>Appends a truth row.</summary>
    void Add(in TruthRow row);
}
