namespace Anc.Sweeps;

/// <summary>Where a trial's run directory stands: what a sweep reads off its folder, with no other record.</summary>
public enum TrialFolderState
{
    /// <summary>Not begun: no folder, or one without its manifest (its start was cut short).</summary>
    New,

    /// <summary>Begun and stopped before its summary (killed, crashed, or cancelled): it resumes from its checkpoints.</summary>
    Unfinished,

    /// <summary>A process on this machine is training it now (fresh heartbeat, live process).</summary>
    Running,

    /// <summary>It has its summary: there is nothing left to do.</summary>
    Finished,
}
