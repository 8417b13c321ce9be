namespace Broadsheet.Core.Model;

/// <summary>One thing a person did at the desk (or the scheduler did for them): who, when, what, to what.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        User = "";
        Action = "";
        Subject = "";
    }

    public AuditEntry(DateTimeOffset at, string user, string action, string? publicationSlug, string subject, string? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        At = at;
        User = user;
        Action = action;
        PublicationSlug = publicationSlug;
        Subject = subject;
        Details = details;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The desk user's name, or "scheduler" for scheduled publishing.</summary>
    public string User { get; private set; }

    /// <summary>A short verb phrase such as <c>publish</c>, <c>edit-article</c>, <c>sign-in-failed</c>.</summary>
    public string Action { get; private set; }

    public string? PublicationSlug { get; private set; }

    /// <summary>What it was done to, as a person reads it: "2026-11-02 03 《…》".</summary>
    public string Subject { get; private set; }

    public string? Details { get; private set; }
}
