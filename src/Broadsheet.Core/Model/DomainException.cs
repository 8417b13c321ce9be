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

    /// <summary>A refusal its callers word for their own audience (see <see cref="Model.Problem"/>).</summary>
    public DomainException(Problem problem, string message)
        : base(message)
    {
        Problem = problem;
    }

    /// <summary>The problem as a code and its facts, when the refusal has one; null for the rest.</summary>
    public Problem? Problem { get; }
}
