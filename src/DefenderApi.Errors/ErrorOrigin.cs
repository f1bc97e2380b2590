namespace DefenderApi.Errors;

/// <summary>Where the knowledge of an error code comes from.</summary>
public enum ErrorOrigin
{
    /// <summary>Listed on MDE's "Common REST API error codes" page.</summary>
    Documented,

    /// <summary>Returned by the real service and named in a method page, but absent from the error page.</summary>
    Observed,

    /// <summary>Chosen by the emulator where the documentation is silent (see docs/fidelity.md).</summary>
    Emulator,
}
