namespace DefenderApi.Errors;

/// <summary>Thrown where returning an error is not practical; the emulator writes it as an envelope.</summary>
public sealed class DefenderErrorException : Exception
{
    /// <summary>Creates the exception for an error.</summary>
    /// <param name="error">The error.</param>
    public DefenderErrorException(DefenderError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Creates the exception for an error with the exception that caused it.</summary>
    /// <param name="error">The error.</param>
    /// <param name="innerException">The cause.</param>
    public DefenderErrorException(DefenderError error, Exception? innerException)
        : base(error?.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The error, with its code and placeholder values.</summary>
    public DefenderError Error { get; }

    /// <summary>The wire code.</summary>
    public DefenderErrorCode Code => Error.Code;

    /// <summary>Placeholder values by name.</summary>
    public IReadOnlyDictionary<string, object?> Arguments => Error.Arguments;
}
