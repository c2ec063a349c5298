namespace Anc.Diagnostics;

/// <summary>
/// The user's input (arguments, manifest, plugin folder) is wrong. Hosts print each diagnostic
/// on its own line, without a stack trace, and exit with code 2.
/// </summary>
public sealed class AncInputException : Exception
{
    /// <summary>Creates the exception from one or more diagnostics.</summary>
    public AncInputException(IReadOnlyList<InputDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("At least one diagnostic is needed.", nameof(diagnostics));
        }

        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception from one message that concerns no file position.</summary>
    public AncInputException(string message)
        : this([InputDiagnostic.General(message)])
    {
    }

    /// <summary>Every mistake found, in the order found.</summary>
    public IReadOnlyList<InputDiagnostic> Diagnostics { get; }
}
