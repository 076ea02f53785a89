using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// Users = @( @{ Username; Email; FirstName; LastName; ...; RoutingProfile; SecurityProfiles; HierarchyGroup; PasswordSecret; Tags } ); AdminUser = @{ ... }
public sealed partial class ConfigBinder
{
    private const string PasswordMessage =
        "Passwords never go in the config (it is a file in source control, and ConnectOps never stores secrets). " +
        "Use PasswordSecret = '<Secrets Manager secret name or ARN>', or pass -Password (a SecureString) to New-ConnectUser/Set-ConnectUser.";

    /// <summary>The first routing profile the config declares: the AdminUser's when it names none (as the Terraform module does).</summary>
    private string? _firstRoutingProfile;

    private UserSpec? BindUser(MapReader r) => BindUser(r, isAdmin: false);

    private UserSpec? BindAdminUser(MapReader top)
    {
        if (top.SubMap("AdminUser", example: "@{ Username = 'admin'; Email = 'admin@example.com' }") is not { } map) return null;
        var r = new MapReader(_ctx, map, "AdminUser");
        var user = BindUser(r, isAdmin: true);
        r.Finish();
        return user;
    }

    private UserSpec? BindUser(MapReader r, bool isAdmin)
    {
        var username = r.Pattern("Username", ConfigPatterns.Username(), "letters, digits and _ - . @ + (at most 100 characters)",
            required: true, max: 100, example: "'john.smith'");
        if (username is not null) _names.Declare(Component.Users, username, r.PositionOf("Username"), r.KeyPath("Username"), "User");
        var email = r.Pattern("Email", ConfigPatterns.Email(), "an email address such as 'john.smith@example.com'", max: 320);
        var secondaryEmail = r.Pattern("SecondaryEmail", ConfigPatterns.Email(), "an email address", max: 320);
        var firstName = r.String("FirstName", max: 255);
        var lastName = r.String("LastName", max: 300);
        var mobile = r.Pattern("Mobile", ConfigPatterns.E164(), "an E.164 number such as '+447700900123'");
        var phoneType = r.Enum<PhoneType>("PhoneType") ?? PhoneType.SoftPhone;
        var deskPhone = r.Pattern("DeskPhoneNumber", ConfigPatterns.E164(), "an E.164 number such as '+442071234567'");
        if (phoneType == PhoneType.DeskPhone && deskPhone is null && !r.Has("DeskPhoneNumber"))
        {
            r.Missing("DeskPhoneNumber", "'+442071234567' (required with PhoneType = 'DESK_PHONE')");
        }
        var autoAccept = r.Bool("AutoAccept") ?? false;
        var acw = r.Int("AfterContactWorkTimeLimit", 0, int.MaxValue, example: "0") ?? 0;
        var routingProfile = Ref(r, "RoutingProfile", Component.RoutingProfiles, required: !isAdmin, example: "'Basic Routing Profile'");
        var securityProfiles = RefList(r, "SecurityProfiles", Component.SecurityProfiles, required: !isAdmin, minCount: 1, maxCount: 10);
        var group = Ref(r, "HierarchyGroup", Component.HierarchyGroups);
        var secret = r.Pattern("PasswordSecret", ConfigPatterns.SecretRef(), "a Secrets Manager secret name or ARN");
        var directoryUserId = r.String("DirectoryUserId", max: 256);
        r.Forbid("Password", ConfigErrorCodes.SecretInConfig, PasswordMessage);
        var tags = r.Tags();
        if (isAdmin)
        {
            if (!r.Has("RoutingProfile")) routingProfile = _firstRoutingProfile ?? BuiltInResources.BasicRoutingProfile;
            if (!r.Has("SecurityProfiles")) securityProfiles = new ValueList<string>([BuiltInResources.AdminSecurityProfile]);
        }
        return username is null || routingProfile is null || securityProfiles.Count == 0 ? null
            : new UserSpec(username, email, secondaryEmail, firstName, lastName, mobile, phoneType, deskPhone, autoAccept, acw,
                routingProfile, securityProfiles, group, secret, directoryUserId, isAdmin, tags, r.Map.Position);
    }
}
