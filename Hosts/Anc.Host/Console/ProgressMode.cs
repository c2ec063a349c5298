namespace Anc.Host.Console;

/// <summary>How training progress is shown.</summary>
internal enum ProgressMode
{
    /// <summary>Not at all.</summary>
    None,

    /// <summary>One line rewritten in place, for a terminal.</summary>
    Live,

    /// <summary>A line every few seconds, for logs.</summary>
    Lines,
}
