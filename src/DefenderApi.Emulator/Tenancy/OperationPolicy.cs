using DefenderApi.Errors;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>
/// Refuses an operation that the caller may perform in general but that a policy forbids in this case, with 403
/// <c>DisallowedOperation</c> and a message naming the operation and the reason (the error page's `DisallowedOperation` row): e.g.
/// stop-and-quarantine of a Microsoft-signed file, cancelling an action in a final state. Missing portal roles and
/// device-group access are not policy: those are 403 <c>Forbidden</c> (see <see cref="CallerAccess"/>).
/// </summary>
internal static class OperationPolicy
{
    /// <summary>The error for a disallowed operation: "<c>{operation} isn't allowed: {reason}.</c>".</summary>
    /// <param name="operation">The operation as the API names it, e.g. <c>StopAndQuarantineFile</c>.</param>
    /// <param name="reason">Why, e.g. <c>the file is signed by Microsoft</c>.</param>
    /// <returns>The error; return it with <c>.ToResult()</c> or throw it in a <see cref="DefenderErrorException"/>.</returns>
    public static DefenderError Disallow(string operation, string reason) =>
        DefenderErrors.DisallowedOperation($"{operation} isn't allowed: {reason}");

    /// <summary>Throws 403 <c>DisallowedOperation</c> when <paramref name="disallowed"/> holds.</summary>
    /// <param name="disallowed">The policy condition.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="reason">Why it is not allowed.</param>
    /// <exception cref="DefenderErrorException">403 <c>DisallowedOperation</c>.</exception>
    public static void ThrowIf(bool disallowed, string operation, string reason)
    {
        if (disallowed)
        {
            throw new DefenderErrorException(Disallow(operation, reason));
        }
    }
}
