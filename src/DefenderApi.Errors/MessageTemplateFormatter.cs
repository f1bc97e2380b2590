using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DefenderApi.Errors;

/// <summary>Fills <c>{name}</c> placeholders in message templates. <c>{{</c> and <c>}}</c> are literal braces.</summary>
public static class MessageTemplateFormatter
{
    /// <summary>Lists the placeholder names of a template, in order of appearance.</summary>
    /// <param name="template">A template such as <c>Hash value {hash} is invalid.</c>.</param>
    /// <returns>The names, without braces.</returns>
    public static IReadOnlyList<string> PlaceholdersOf(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            names.Add(template[(i + 1)..end]);
            i = end;
        }

        return names;
    }

    /// <summary>Replaces each placeholder with its value, formatted for <paramref name="culture"/>.</summary>
    /// <param name="template">The template.</param>
    /// <param name="arguments">Values by placeholder name; a missing name is written back as <c>{name}</c>.</param>
    /// <param name="culture">Culture used to format values.</param>
    /// <returns>The message.</returns>
    public static string Format(string template, IReadOnlyDictionary<string, object?> arguments, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(arguments);
        if (template.IndexOf('{', StringComparison.Ordinal) < 0 && template.IndexOf('}', StringComparison.Ordinal) < 0)
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var end = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (end < 0)
            {
                builder.Append(c);
                continue;
            }

            var name = template[(i + 1)..end];
            if (arguments.TryGetValue(name, out var value))
            {
                builder.Append(Convert.ToString(value, culture));
            }
            else
            {
                builder.Append('{').Append(name).Append('}');
            }

            i = end;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads the placeholder values back out of a message written from <paramref name="template"/>, e.g.
    /// <c>abc</c> for <c>hash</c> from <c>Hash value abc is invalid.</c> and <c>Hash value {hash} is invalid.</c>.
    /// </summary>
    /// <param name="template">The template the message was written from.</param>
    /// <param name="message">The message.</param>
    /// <param name="values">The values by placeholder name, when the message fits the template.</param>
    /// <returns>Whether the message fits the template.</returns>
    public static bool TryParse(string template, string message, out IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(message);
        var names = PlaceholdersOf(template);
        var pattern = new StringBuilder("^");
        var groups = new List<string>();
        var rest = template.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
        foreach (var name in names)
        {
            var at = rest.IndexOf('{' + name + '}', StringComparison.Ordinal);
            pattern.Append(Regex.Escape(rest[..at]));
            // A name used twice must match the same text; the first use captures it.
            if (groups.Contains(name))
            {
                pattern.Append(CultureInfo.InvariantCulture, $"\\k<p{groups.IndexOf(name)}>");
            }
            else
            {
                pattern.Append(CultureInfo.InvariantCulture, $"(?<p{groups.Count}>.*?)");
                groups.Add(name);
            }

            rest = rest[(at + name.Length + 2)..];
        }

        pattern.Append(Regex.Escape(rest)).Append('$');
        var match = Regex.Match(message, pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            values = new Dictionary<string, string>();
            return false;
        }

        values = groups.Select((name, i) => (name, match.Groups[$"p{i}"].Value)).ToDictionary(p => p.name, p => p.Value, StringComparer.Ordinal);
        return true;
    }
}
