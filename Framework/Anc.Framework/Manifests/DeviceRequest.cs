namespace Anc.Manifests;

/// <summary>The device a manifest asks for.</summary>
public enum DeviceRequest
{
    /// <summary>CUDA when torch reports it available, otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>The first CUDA device; an error where there is none.</summary>
    Cuda,
}
