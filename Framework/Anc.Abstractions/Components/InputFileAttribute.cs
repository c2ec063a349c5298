namespace Anc.Components;

/// <summary>
/// Marks a string option that names a file the component reads, such as a table. The framework
/// takes a relative path from the manifest's folder, writes it into the run's manifest as a full
/// path (so a resumed run, a sweep's trial and a later command find the same file), and refuses
/// the manifest, at the option's line, where no such file exists.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputFileAttribute : Attribute;
