namespace Anc.Testing.Fuzzing;

/// <summary>The ways <see cref="ManifestMutator"/> breaks a valid manifest.</summary>
internal enum MutationKind
{
    /// <summary>A field, anywhere, is removed.</summary>
    DeleteField,

    /// <summary>A value is replaced by one of another JSON type (null, a boolean, a string, an array, an object, a number).</summary>
    WrongType,

    /// <summary>A value becomes a number at or past the limits of int, long and double.</summary>
    HugeNumber,

    /// <summary>A value becomes a negative or zero number.</summary>
    NegativeNumber,

    /// <summary>A string value or a field's name becomes unusual text: non-ASCII, control characters, paths, very long.</summary>
    Unicode,

    /// <summary>A value becomes arrays or objects nested from a few to many thousand levels deep.</summary>
    DeepNesting,

    /// <summary>The file ends early, anywhere, even inside a UTF-8 sequence.</summary>
    Truncate,

    /// <summary>A field appears twice in its object.</summary>
    DuplicateKey,

    /// <summary>A few bytes of the file have a bit flipped or are replaced.</summary>
    ByteFlip,

    /// <summary>Two to four of the structural mutations above, one after another.</summary>
    Stacked,
}
