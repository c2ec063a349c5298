using System.Text;

namespace Anc.Testing.Fuzzing;

/// <summary>One mutated manifest: the bytes a file would hold, and how it was made, to reproduce it.</summary>
/// <param name="Index">Its number in the fuzzer's sequence.</param>
/// <param name="Source">The manifest it was made from.</param>
/// <param name="Mutation">What was done to it.</param>
/// <param name="Bytes">The file's content.</param>
internal sealed record Mutant(int Index, string Source, string Mutation, byte[] Bytes)
{
    /// <summary>The text as <see cref="File.ReadAllText(string)"/> reads the bytes: invalid UTF-8 becomes U+FFFD.</summary>
    public string Text
    {
        get
        {
            using StreamReader reader = new(new MemoryStream(Bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
    }

    /// <summary>What a failure message shows: enough to find and rebuild the mutant.</summary>
    public override string ToString()
    {
        string text = Text;
        return $"mutant {Index} of {Source} ({Mutation}):{Environment.NewLine}{(text.Length > 2000 ? text[..2000] + "..." : text)}";
    }
}
