namespace Anc.TestPlugins.Faulty;

/// <summary>How a <c>faulty</c> network fails.</summary>
public enum FaultKind
{
    /// <summary>Its outputs become NaN, as a diverging network's do.</summary>
    Nan,

    /// <summary>It throws, as a buggy plugin does.</summary>
    Throw,
}
