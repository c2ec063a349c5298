using Anc.Diagnostics;
using Anc.Manifests;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Training.Engine;

/// <summary>What torch offers on this machine, and the device a manifest's request means here.</summary>
public sealed class TorchDevices
{
    private readonly Lazy<bool> _cuda = new(torch.cuda.is_available);

    /// <summary>Whether torch sees a CUDA device.</summary>
    public bool CudaAvailable => _cuda.Value;

    /// <summary>A phrase naming the backend, for messages.</summary>
    public string BackendDescription => CudaAvailable ? $"{torch.cuda.device_count()} CUDA device(s)" : "CPU backend only";

    /// <summary>The device for a request: <c>auto</c> means CUDA when available.</summary>
    /// <exception cref="AncInputException">CUDA was asked for and there is none.</exception>
    public Device Resolve(DeviceRequest request) => request switch
    {
        DeviceRequest.Cpu => CPU,
        DeviceRequest.Cuda when CudaAvailable => CUDA,
        DeviceRequest.Cuda => throw new AncInputException($"device \"cuda\" was asked for, but torch sees no CUDA device ({BackendDescription})."),
        _ => CudaAvailable ? CUDA : CPU,
    };
}
