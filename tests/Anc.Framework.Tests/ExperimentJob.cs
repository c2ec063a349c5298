using Anc.Manifests;

namespace Anc.Framework.Tests;

/// <summary>The experiment an <see cref="ExperimentWorker"/> runs, and where its run directory goes.</summary>
public sealed record ExperimentJob(ManifestSource Manifest, string OutputRoot);
