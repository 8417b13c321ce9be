using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Data.Accounts;

/// <summary>A person who works at the desk. Admins see every publication; an editor only those in <see cref="Publications"/>.</summary>
public sealed class DeskUser : IdentityUser
{
    public DeskUser()
    {
    }

    public DeskUser(string userName)
        : base(userName)
    {
    }

    /// <summary>The publications an editor may work on.</summary>
    public List<PublicationGrant> Publications { get; } = [];
}

/// <summary>Gives one desk user one publication.</summary>
public sealed class PublicationGrant
{
    public string UserId { get; set; } = "";

    public int PublicationId { get; set; }
}

/// <summary>The two roles of the desk.</summary>
public static class DeskRoles
{
    /// <summary>Everything, in every publication: publications, users, the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Upload, review, correct and publish the editions of the publications they are given.</summary>
    public const string Editor = "editor";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor];
}
