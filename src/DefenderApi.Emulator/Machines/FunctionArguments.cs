using System.Globalization;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Machines;

/// <summary>Reads OData function-style path arguments such as <c>ip='10.0.0.1',timestamp=2019-09-22T08:44:05Z</c>.</summary>
internal static class FunctionArguments
{
    public static IReadOnlyDictionary<string, string> Parse(string arguments)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Uri.UnescapeDataString(arguments).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{pair}' in the function arguments; expected name=value"));
            }

            values[pair[..equals].Trim()] = pair[(equals + 1)..].Trim().Trim('\'');
        }

        return values;
    }

    public static string Required(IReadOnlyDictionary<string, string> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new DefenderErrorException(DefenderErrors.MissingParameter(name));

    public static DateTimeOffset Timestamp(IReadOnlyDictionary<string, string> arguments, string name)
    {
        var text = Required(arguments, name);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{text}' for {name}; expected an ISO-8601 date and time"));
    }

    public static string Ip(IReadOnlyDictionary<string, string> arguments, string name)
    {
        var text = Required(arguments, name);
        // IPAddress.TryParse also accepts shorthand such as "10.0.0"; the API expects a full address.
        var valid = System.Net.IPAddress.TryParse(text, out var address)
            && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3);
        return valid ? text : throw new DefenderErrorException(DefenderErrors.InvalidIp(text));
    }
}
