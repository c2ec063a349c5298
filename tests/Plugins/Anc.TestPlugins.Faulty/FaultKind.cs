namespace Anc.TestPlugins.Faulty;

/// <summary>How a <c>faulty</c> network fails.</summary>
public enum FaultKind
{
    /// <summary>Its outputs become NaN, as a diverging network's do.</summary>
    Nan,

    /// <summary>It throws, as a buggy plugin does.</summary>
    Throw,

    /// <summary>Its float32 gradient is half the true one, as a faulty float32 kernel's is; in float64 it is right.</summary>
    WrongGradient,
}
