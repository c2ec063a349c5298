namespace Anc.Host.Console;

/// <summary>
/// A seed's steps per second within one phase, measured over the last few seconds rather than
/// since the phase began, so that the rate (and the ETA from it) follows changes of speed, such
/// as seeds training beside this one starting or finishing.
/// </summary>
internal sealed class StepRate
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly List<(long Step, TimeSpan At)> _samples = [];

    /// <summary>Steps per second, or null until two reports of the phase are apart in time and steps.</summary>
    public double? PerSecond
    {
        get
        {
            if (_samples.Count < 2)
            {
                return null;
            }

            (long firstStep, TimeSpan firstAt) = _samples[0];
            (long lastStep, TimeSpan lastAt) = _samples[^1];
            double seconds = (lastAt - firstAt).TotalSeconds;
            return seconds > 0 && lastStep > firstStep ? (lastStep - firstStep) / seconds : null;
        }
    }

    public void Add(long step, TimeSpan at)
    {
        _samples.Add((step, at));

        // The oldest sample kept is the last one at or before the window's start, so the measured span covers the whole window.
        int drop = 0;
        while (drop + 1 < _samples.Count - 1 && at - _samples[drop + 1].At >= Window)
        {
            drop++;
        }

        _samples.RemoveRange(0, drop);
    }

    public void Clear() => _samples.Clear();
}
