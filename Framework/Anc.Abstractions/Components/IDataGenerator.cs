using static TorchSharp.torch;

namespace Anc.Components;

/// <summary>
/// Draws the examples a scenario learns from, such as the paper's tuples &lt;A, B, C, D&gt; of
/// section 3. A scenario that needs one names its default in <see cref="Scenarios.IScenario.DefaultDataGenerator"/>;
/// a manifest may choose another under <c>data</c>. The implementation receives its options
/// through its constructor and keeps no random state of its own: every draw comes from the
/// generator it is given, so the scenario decides which stream (training, held-out) it reads.
/// </summary>
public interface IDataGenerator
{
    /// <summary>The fields of one example by name (for example <c>c</c>), each with its width in values.</summary>
    IReadOnlyDictionary<string, int> Fields { get; }

    /// <summary>Draws <paramref name="batchSize"/> examples.</summary>
    /// <param name="batchSize">Examples to draw.</param>
    /// <param name="generator">The random stream to draw from; the same stream state gives the same examples.</param>
    /// <param name="device">Where the tensors live.</param>
    /// <returns>One <c>[batchSize, width]</c> float32 tensor per field of <see cref="Fields"/>.</returns>
    IReadOnlyDictionary<string, Tensor> Sample(int batchSize, Generator generator, Device device);
}
