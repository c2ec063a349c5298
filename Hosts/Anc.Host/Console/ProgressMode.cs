namespace Anc.Host.Console;

/// <summary>How training progress is shown.</summary>
internal enum ProgressMode
{
    /// <summary>Not at all.</summary>
    None,

    /// <summary>A table of the run's seeds redrawn in place, for a terminal.</summary>
    Live,

    /// <summary>A line per seed every few seconds, for logs.</summary>
    Lines,
}
