namespace Journal.Postgres;

/// <summary>What to do with a data folder made by one PostgreSQL major version when the binaries found are of another.</summary>
public enum MajorUpgradeStep { None, Upgrade, RefuseNewerData, RefuseWithoutOldBinaries }

/// <summary>
/// The rule, kept pure: a data folder opens only with binaries of the major version that created it (PostgreSQL's own
/// rule). An older folder is upgraded with pg_upgrade when that version's binaries are still installed; otherwise, and
/// for a folder newer than the binaries, the launcher stops with a message saying what to install or how to move the data.
/// </summary>
public static class MajorUpgrade
{
    public static MajorUpgradeStep Decide(int dataMajor, int binMajor, bool oldBinariesInstalled) =>
        dataMajor == binMajor ? MajorUpgradeStep.None
        : dataMajor > binMajor ? MajorUpgradeStep.RefuseNewerData
        : oldBinariesInstalled ? MajorUpgradeStep.Upgrade
        : MajorUpgradeStep.RefuseWithoutOldBinaries;

    public static string Refusal(MajorUpgradeStep step, string dataDirectory, int dataMajor, string bin, int binMajor) => step switch
    {
        MajorUpgradeStep.RefuseNewerData =>
            $"The data folder {dataDirectory} was created by PostgreSQL {dataMajor}, newer than the server binaries found ({bin}, PostgreSQL {binMajor}), " +
            $"which cannot open it. Install PostgreSQL {dataMajor} (Debian/Ubuntu: sudo apt-get install postgresql-{dataMajor}; macOS: brew install postgresql@{dataMajor}) " +
            $"or point Journal:Database:BinDirectory at its binaries.",
        MajorUpgradeStep.RefuseWithoutOldBinaries =>
            $"The data folder {dataDirectory} was created by PostgreSQL {dataMajor}; the server binaries found ({bin}) are PostgreSQL {binMajor}, " +
            $"which cannot open it, and PostgreSQL {dataMajor}'s binaries are not installed to upgrade it. Nothing was changed. Either install PostgreSQL " +
            $"{dataMajor}'s server beside {binMajor} (Debian/Ubuntu: sudo apt-get install postgresql-{dataMajor}; macOS: brew install postgresql@{dataMajor}) " +
            $"and start Journal again: it upgrades the folder with pg_upgrade, keeping the old one until that succeeded. Or move the data by dump and restore: " +
            $"with PostgreSQL {dataMajor}'s binaries (Journal__Database__BinDirectory) run 'dotnet run --project src/Journal.Service -- backup FILE', " +
            $"then with PostgreSQL {binMajor}'s and an empty data folder 'restore FILE' (docs/operations.md).",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "not a refusal"),
    };
}
