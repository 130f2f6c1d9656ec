using FakeAws.Engine.Cognito.Model;

namespace FakeAws.Engine.Cognito;

/// <summary>The standard attributes every pool has, and the checks of user attributes against a pool's schema.</summary>
internal static class Schema
{
    private static readonly (string Name, string Type, bool Mutable, bool Required, string? Min, string? Max)[] Standard =
    [
        ("sub", "String", false, true, "1", "2048"),
        ("name", "String", true, false, "0", "2048"),
        ("given_name", "String", true, false, "0", "2048"),
        ("family_name", "String", true, false, "0", "2048"),
        ("middle_name", "String", true, false, "0", "2048"),
        ("nickname", "String", true, false, "0", "2048"),
        ("preferred_username", "String", true, false, "0", "2048"),
        ("profile", "String", true, false, "0", "2048"),
        ("picture", "String", true, false, "0", "2048"),
        ("website", "String", true, false, "0", "2048"),
        ("email", "String", true, false, "0", "2048"),
        ("email_verified", "Boolean", true, false, null, null),
        ("gender", "String", true, false, "0", "2048"),
        ("birthdate", "String", true, false, "10", "10"),
        ("zoneinfo", "String", true, false, "0", "2048"),
        ("locale", "String", true, false, "0", "2048"),
        ("phone_number", "String", true, false, "0", "2048"),
        ("phone_number_verified", "Boolean", true, false, null, null),
        ("address", "String", true, false, "0", "2048"),
        ("updated_at", "Number", true, false, null, null),
    ];

    public static bool IsStandard(string name) => Standard.Any(s => s.Name == name);

    /// <summary>
    /// The pool's schema as DescribeUserPool lists it: the standard attributes (with the request's
    /// overrides of Required and Mutable), then the custom ones named <c>custom:</c>.
    /// </summary>
    public static List<SchemaAttributeType> Build(List<SchemaAttributeType>? requested)
    {
        var result = new List<SchemaAttributeType>();
        var byName = (requested ?? []).Where(r => r.Name is not null).GroupBy(r => r.Name!).ToDictionary(g => g.Key, g => g.Last());
        foreach (var s in Standard)
        {
            byName.TryGetValue(s.Name, out var over);
            if (over is not null && (over.AttributeDataType is { } t && t != s.Type || over.DeveloperOnlyAttribute == true))
            {
                throw CognitoErrors.InvalidParameter($"You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute {s.Name}");
            }
            result.Add(new SchemaAttributeType
            {
                Name = s.Name,
                AttributeDataType = s.Type,
                DeveloperOnlyAttribute = false,
                Mutable = over?.Mutable ?? s.Mutable,
                Required = over?.Required ?? s.Required,
                StringAttributeConstraints = s.Type == "String" ? new StringAttributeConstraintsType { MinLength = s.Min, MaxLength = s.Max } : null,
                NumberAttributeConstraints = s.Type == "Number" ? new NumberAttributeConstraintsType { MinValue = "0" } : null,
            });
        }
        foreach (var custom in (requested ?? []).Where(r => r.Name is not null && !IsStandard(r.Name!)))
        {
            result.Add(Custom(custom, result));
        }
        return result;
    }

    /// <summary>A custom attribute as AddCustomAttributes and CreateUserPool store it.</summary>
    public static SchemaAttributeType Custom(SchemaAttributeType requested, List<SchemaAttributeType> existing)
    {
        var name = "custom:" + requested.Name;
        if (existing.Any(e => e.Name == name))
        {
            throw CognitoErrors.InvalidParameter($"{name}: Existing attribute already has name {name}.");
        }
        if (requested.Required == true)
        {
            throw CognitoErrors.InvalidParameter("Required custom attributes are not supported currently.");
        }
        var type = requested.AttributeDataType ?? "String";
        return new SchemaAttributeType
        {
            Name = name,
            AttributeDataType = type,
            DeveloperOnlyAttribute = requested.DeveloperOnlyAttribute ?? false,
            Mutable = requested.Mutable ?? true,
            Required = false,
            StringAttributeConstraints = type == "String" ? requested.StringAttributeConstraints ?? new StringAttributeConstraintsType() : null,
            NumberAttributeConstraints = type == "Number" ? requested.NumberAttributeConstraints ?? new NumberAttributeConstraintsType() : null,
        };
    }

    /// <summary>
    /// Checks attributes a caller writes: each must be in the schema, mutable unless the user is new,
    /// within its length constraints; on creation, every required attribute must be present.
    /// </summary>
    public static void CheckWrite(UserPool pool, IReadOnlyDictionary<string, string> attributes, bool creating, IReadOnlyDictionary<string, string>? existing = null)
    {
        var schema = pool.Description.SchemaAttributes ?? [];
        var problems = new List<string>();
        foreach (var (name, value) in attributes)
        {
            var lookup = name.StartsWith("dev:", StringComparison.Ordinal) ? "custom:" + name[4..] : name;
            var attribute = schema.FirstOrDefault(s => s.Name == lookup);
            if (attribute is null)
            {
                problems.Add($"{name}: Attribute does not exist in the schema.");
                continue;
            }
            if (name == "sub")
            {
                throw CognitoErrors.InvalidParameter("Cannot modify an already provided sub attribute");
            }
            if (!creating && attribute.Mutable == false && existing?.ContainsKey(name) == true)
            {
                throw CognitoErrors.InvalidParameter($"Cannot modify the non-mutable attribute {name}");
            }
            if (attribute.StringAttributeConstraints is { } c)
            {
                if (int.TryParse(c.MaxLength, out var max) && value.Length > max)
                {
                    problems.Add($"{name}: String must be no longer than {max} characters");
                }
                else if (int.TryParse(c.MinLength, out var min) && value.Length < min)
                {
                    problems.Add($"{name}: String must be no shorter than {min} characters");
                }
            }
            if (attribute.AttributeDataType == "Number" && !decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"{name}: Number is invalid");
            }
        }
        if (creating)
        {
            foreach (var required in schema.Where(s => s.Required == true && s.Name != "sub"))
            {
                if (!attributes.ContainsKey(required.Name!))
                {
                    problems.Add($"{required.Name}: The attribute {required.Name} is required");
                }
            }
        }
        if (problems.Count > 0)
        {
            throw CognitoErrors.SchemaViolation(problems);
        }
        if (attributes.TryGetValue("email", out var email) && !email.Contains('@'))
        {
            throw CognitoErrors.InvalidParameter("Invalid email address format.");
        }
        if (attributes.TryGetValue("phone_number", out var phone) && !IsPhoneNumber(phone))
        {
            throw CognitoErrors.InvalidParameter("Invalid phone number format.");
        }
    }

    public static bool IsPhoneNumber(string value) =>
        value.Length is >= 3 and <= 16 && value[0] == '+' && value.Skip(1).All(char.IsAsciiDigit);

    public static bool IsEmail(string value) => value.Contains('@') && !value.StartsWith('@') && !value.EndsWith('@');
}
