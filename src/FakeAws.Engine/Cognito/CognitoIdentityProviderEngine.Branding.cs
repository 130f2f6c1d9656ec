using System.Text.Json;
using System.Text.RegularExpressions;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Branding, stored and validated: the hosted UI (classic) customisation (SetUICustomization, GetUICustomization: a
// logo and CSS limited to AWS's classes, per app client or ALL) and managed login branding styles (Create, Describe,
// DescribeByClient, Update, Delete: one per app client). The hosted login FakeAws serves does not apply either.
internal sealed partial class CognitoIdentityProviderEngine
{
    private const string AllClients = "ALL";

    // The classes AWS's hosted UI (classic) lets a stylesheet style; a selector may add the pseudo-classes AWS names.
    private static readonly HashSet<string> CustomizableClasses =
    [
        "background-customizable", "banner-customizable", "errorMessage-customizable", "idpButton-customizable", "idpButton-customizable:hover",
        "idpDescription-customizable", "inputField-customizable", "inputField-customizable:focus", "label-customizable", "legalText-customizable",
        "logo-customizable", "passwordCheck-notValid-customizable", "passwordCheck-valid-customizable", "redirect-customizable",
        "socialButton-customizable", "submitButton-customizable", "submitButton-customizable:hover", "textDescription-customizable",
    ];

    private static readonly string[] ForbiddenCss = ["@import", "@supports", "@page", "@media", "<", "javascript:", "expression("];

    public SetUICustomizationResponse SetUICustomization(RequestScope scope, SetUICustomizationRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        var clientId = request.ClientId ?? AllClients;
        lock (pool.Gate)
        {
            ClientOrAll(pool, clientId);
            if (pool.Description.Domain is null && pool.Description.CustomDomain is null)
            {
                throw CognitoErrors.InvalidParameter("There has to be a domain associated with this user pool.");
            }
            if (request.CSS is { } css)
            {
                CheckCss(css);
            }
            if (request.ImageFile is { Length: > 0 } image && ImageExtension(image) is null)
            {
                throw CognitoErrors.InvalidParameter("The image file must be a PNG or JPEG image.");
            }
            var now = Now;
            var version = now.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var customization = new UICustomizationType
            {
                UserPoolId = pool.Id,
                ClientId = clientId,
                CSS = request.CSS,
                CSSVersion = request.CSS is null ? null : version,
                // AWS serves the logo from its hosted UI's CloudFront distribution; FakeAws keeps only the URL's form.
                ImageUrl = request.ImageFile is { Length: > 0 } file
                    ? $"https://d3oia8etllorh5.cloudfront.net/{pool.Id}/{clientId}/{version}/assets/images/image.{ImageExtension(file)}"
                    : null,
                CreationDate = pool.UiCustomizations.GetValueOrDefault(clientId)?.CreationDate ?? now,
                LastModifiedDate = now,
            };
            pool.UiCustomizations[clientId] = customization;
            return new SetUICustomizationResponse { UICustomization = customization };
        }
    }

    public GetUICustomizationResponse GetUICustomization(RequestScope scope, GetUICustomizationRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        var clientId = request.ClientId ?? AllClients;
        lock (pool.Gate)
        {
            ClientOrAll(pool, clientId);
            // A client without its own customisation shows the pool's default (ALL), as its hosted UI does.
            var customization = pool.UiCustomizations.GetValueOrDefault(clientId) ?? pool.UiCustomizations.GetValueOrDefault(AllClients)
                ?? new UICustomizationType { UserPoolId = pool.Id, ClientId = clientId };
            return new GetUICustomizationResponse { UICustomization = customization };
        }
    }

    public CreateManagedLoginBrandingResponse CreateManagedLoginBranding(RequestScope scope, CreateManagedLoginBrandingRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        CheckBrandingValues(request.UseCognitoProvidedValues, request.Settings, request.Assets);
        lock (pool.Gate)
        {
            Client(pool, request.ClientId);
            if (pool.Brandings.Values.Any(b => b.ClientId == request.ClientId))
            {
                throw new AwsServiceException("ManagedLoginBrandingExistsException", $"Managed login branding already exists for app client {request.ClientId}.");
            }
            var branding = new ManagedLoginBranding
            {
                Id = _cloud.Ids.NewGuid().ToString(),
                ClientId = request.ClientId!,
                UseCognitoProvidedValues = request.UseCognitoProvidedValues ?? false,
                Settings = request.Settings?.GetRawText(),
                Assets = request.Assets ?? [],
                Created = Now,
                Modified = Now,
            };
            pool.Brandings[branding.Id] = branding;
            return new CreateManagedLoginBrandingResponse { ManagedLoginBranding = Describe(pool, branding) };
        }
    }

    public DescribeManagedLoginBrandingResponse DescribeManagedLoginBranding(RequestScope scope, DescribeManagedLoginBrandingRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new DescribeManagedLoginBrandingResponse { ManagedLoginBranding = Describe(pool, Branding(pool, request.ManagedLoginBrandingId)) };
        }
    }

    public DescribeManagedLoginBrandingByClientResponse DescribeManagedLoginBrandingByClient(RequestScope scope, DescribeManagedLoginBrandingByClientRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            Client(pool, request.ClientId);
            var branding = pool.Brandings.Values.FirstOrDefault(b => b.ClientId == request.ClientId)
                ?? throw CognitoErrors.ResourceNotFound($"Managed login branding for app client {request.ClientId} does not exist.");
            return new DescribeManagedLoginBrandingByClientResponse { ManagedLoginBranding = Describe(pool, branding) };
        }
    }

    public UpdateManagedLoginBrandingResponse UpdateManagedLoginBranding(RequestScope scope, UpdateManagedLoginBrandingRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        CheckBrandingValues(request.UseCognitoProvidedValues, request.Settings, request.Assets);
        lock (pool.Gate)
        {
            var branding = Branding(pool, request.ManagedLoginBrandingId);
            if (request.UseCognitoProvidedValues == true)
            {
                // Cognito's own style replaces what was set.
                branding.Settings = null;
                branding.Assets = [];
            }
            if (request.UseCognitoProvidedValues is { } use)
            {
                branding.UseCognitoProvidedValues = use;
            }
            else if (request.Settings is not null || request.Assets is not null)
            {
                branding.UseCognitoProvidedValues = false;
            }
            if (request.Settings is { } settings)
            {
                branding.Settings = settings.GetRawText();
            }
            if (request.Assets is { } assets)
            {
                branding.Assets = assets;
            }
            branding.Modified = Now;
            return new UpdateManagedLoginBrandingResponse { ManagedLoginBranding = Describe(pool, branding) };
        }
    }

    public void DeleteManagedLoginBranding(RequestScope scope, DeleteManagedLoginBrandingRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            pool.Brandings.Remove(Branding(pool, request.ManagedLoginBrandingId).Id);
        }
    }

    /// <summary>An app client of the pool, or ALL for the pool's default.</summary>
    private static void ClientOrAll(UserPool pool, string clientId)
    {
        if (clientId != AllClients)
        {
            Client(pool, clientId);
        }
    }

    private static ManagedLoginBranding Branding(UserPool pool, string? id) =>
        id is not null && pool.Brandings.TryGetValue(id, out var branding)
            ? branding
            : throw CognitoErrors.ResourceNotFound($"Managed login branding {id} does not exist.");

    private static ManagedLoginBrandingType Describe(UserPool pool, ManagedLoginBranding branding) => new()
    {
        ManagedLoginBrandingId = branding.Id,
        UserPoolId = pool.Id,
        UseCognitoProvidedValues = branding.UseCognitoProvidedValues,
        Settings = branding.Settings is { } text ? JsonDocument.Parse(text).RootElement.Clone() : null,
        Assets = [.. branding.Assets],
        CreationDate = branding.Created,
        LastModifiedDate = branding.Modified,
    };

    /// <summary>Cognito's own values stand alone: a request that asks for them gives no settings or assets of its own.</summary>
    private static void CheckBrandingValues(bool? useCognitoProvidedValues, JsonElement? settings, List<AssetType>? assets)
    {
        if (useCognitoProvidedValues == true && (settings is not null || assets is { Count: > 0 }))
        {
            throw CognitoErrors.InvalidParameter("Settings and Assets cannot be provided when UseCognitoProvidedValues is true.");
        }
        if (settings is { ValueKind: not JsonValueKind.Object })
        {
            throw CognitoErrors.InvalidParameter("Settings must be a JSON object.");
        }
        var duplicate = (assets ?? []).GroupBy(a => (a.Category, a.ColorMode)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw CognitoErrors.InvalidParameter($"Assets contain more than one {duplicate.Key.Category} for color mode {duplicate.Key.ColorMode}.");
        }
    }

    /// <summary>AWS's rules for a hosted UI stylesheet: rules whose selectors are its customizable classes, and no at-rules, HTML or script.</summary>
    private static void CheckCss(string css)
    {
        var text = Regex.Replace(css, @"/\*.*?\*/", "", RegexOptions.Singleline);
        foreach (var forbidden in ForbiddenCss)
        {
            if (text.Contains(forbidden, StringComparison.OrdinalIgnoreCase))
            {
                throw CognitoErrors.InvalidParameter($"The CSS must not contain {forbidden}.");
            }
        }
        var rules = Regex.Matches(text, @"([^{}]+)\{[^{}]*\}");
        if (Regex.Replace(text, @"[^{}]+\{[^{}]*\}", "").Trim().Length > 0)
        {
            throw CognitoErrors.InvalidParameter("The CSS is not a list of rules.");
        }
        foreach (Match rule in rules)
        {
            foreach (var selector in rule.Groups[1].Value.Split(',').Select(s => s.Trim()))
            {
                if (!selector.StartsWith('.') || !CustomizableClasses.Contains(selector[1..]))
                {
                    throw CognitoErrors.InvalidParameter($"The CSS selector {selector} is not one of the customizable classes.");
                }
            }
        }
    }

    /// <summary>png or jpg by the file's signature; null for anything else.</summary>
    private static string? ImageExtension(byte[] image) =>
        image.AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]) ? "png" : image.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "jpg" : null;
}
