namespace Broadsheet.Core.Model;

/// <summary>An invariant of the content model was broken; the message says which, in words a user can act on.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DomainException()
    {
    }
}
