using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>Users = @( @{ Username; ... } )</c> and <c>AdminUser = @{ ... }</c> (<see cref="IsAdminUser"/>; as the
/// Terraform module does, it defaults to SecurityProfiles 'Admin' and the first declared routing profile, or
/// 'Basic Routing Profile' when the config declares none).
/// <para>No password is ever in the model: <see cref="PasswordSecret"/> names a Secrets Manager secret (name or
/// ARN) that the apply reads; the cmdlets take -Password as a SecureString.</para>
/// </summary>
public sealed record UserSpec(
    string Username,
    string? Email,
    string? SecondaryEmail,
    string? FirstName,
    string? LastName,
    string? Mobile,
    PhoneType PhoneType,
    string? DeskPhoneNumber,
    bool AutoAccept,
    int AfterContactWorkTimeLimit,
    string RoutingProfile,
    ValueList<string> SecurityProfiles,
    string? HierarchyGroup,
    string? PasswordSecret,
    string? DirectoryUserId,
    bool IsAdminUser,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    public ResourceAddress Address => new(Component.Users, Username);
}
