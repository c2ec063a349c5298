namespace Anc.Plugins.Encryption.Protocol;

/// <summary>Which Eve a seed's success is judged on; the other's figures are reported beside the verdict.</summary>
public enum JudgedEve
{
    /// <summary>The best of the fresh Eves trained from scratch against the frozen Alice afterwards.</summary>
    FreshEves,

    /// <summary>The Eve of training, as the paper judged its runs.</summary>
    TrainedEve,
}
