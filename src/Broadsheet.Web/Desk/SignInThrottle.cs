using System.Collections.Concurrent;

namespace Broadsheet.Web.Desk;

/// <summary>
/// Slows password guessing without letting anyone lock an editor out. Failures count per client address and
/// account name: five in a quarter of an hour and that client may not try that name for the rest of it, whatever
/// the password, while the editor signs in from their own machine as usual. Twenty failures from one client across
/// any names stop it trying any (guessing one password against many accounts). The account's own lockout (Identity)
/// is left for attacks from many addresses, at a threshold no single client reaches. Kept in memory: a restart
/// forgets it, which an attacker gains nothing from that waiting would not give them.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock)
{
    public const int PerAccount = 5;
    public const int PerClient = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Past this many remembered keys, expired ones are dropped before another is added.</summary>
    private const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _failures = new(StringComparer.Ordinal);

    public bool IsBlocked(string client, string userName) =>
        Count(ClientKey(client)) >= PerClient || Count(AccountKey(client, userName)) >= PerAccount;

    public void Failed(string client, string userName)
    {
        if (_failures.Count > MaxKeys)
        {
            var now = clock.GetUtcNow();
            foreach (var (key, value) in _failures)
            {
                if (now - value.Since >= Window)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }

        Add(ClientKey(client));
        Add(AccountKey(client, userName));
    }

    public void Succeeded(string client, string userName) => _failures.TryRemove(AccountKey(client, userName), out _);

    private int Count(string key) =>
        _failures.TryGetValue(key, out var failures) && clock.GetUtcNow() - failures.Since < Window ? failures.Count : 0;

    private void Add(string key)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(key, (1, now), (_, old) => now - old.Since < Window ? (old.Count + 1, old.Since) : (1, now));
    }

    private static string ClientKey(string client) => "client\n" + client;

    private static string AccountKey(string client, string userName) => "account\n" + client + "\n" + userName.Trim().ToUpperInvariant();
}
