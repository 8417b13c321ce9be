using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Corpus;

/// <summary>
/// What an editor does with the mouse and keyboard, counted as a person's pace is timed: a click (or a drag, or a
/// file chosen) is one action of 1.5 s, a typed field one action of 0.3 s a key. Waiting for the server is not the
/// editor's time and is not counted.
/// </summary>
internal sealed class EditorActions(IPage page)
{
    public const double ClickSeconds = 1.5;
    public const double KeySeconds = 0.3;

    private readonly List<string> _log = [];

    public IPage Page => page;

    public int Clicks { get; private set; }

    public int Keys { get; private set; }

    /// <summary>Clicks, drags and typed fields.</summary>
    public int Actions { get; private set; }

    public double Seconds => (Clicks * ClickSeconds) + (Keys * KeySeconds);

    public IReadOnlyList<string> Log => _log;

    public async Task ClickAsync(ILocator target, string what, KeyboardModifier[]? modifiers = null)
    {
        await target.ClickAsync(new() { Modifiers = modifiers });
        Count(1, modifiers?.Length ?? 0, what);
    }

    /// <summary>A click at a point of the screen (on the page image, where there is no element to name).</summary>
    public async Task ClickAtAsync(double x, double y, string what)
    {
        await page.Mouse.ClickAsync((float)x, (float)y);
        Count(1, 0, what);
    }

    public async Task DragAsync((double X, double Y) from, (double X, double Y) to, string what)
    {
        await page.Mouse.MoveAsync((float)from.X, (float)from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)((from.X + to.X) / 2), (float)((from.Y + to.Y) / 2), new() { Steps = 4 });
        await page.Mouse.MoveAsync((float)to.X, (float)to.Y, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        Count(1, 0, what);
    }

    public async Task TypeAsync(ILocator field, string text, string what)
    {
        await field.FillAsync(text);
        Count(0, text.Length, what);
    }

    public async Task ChooseFilesAsync(ILocator input, IEnumerable<string> paths, string what)
    {
        // The browse button, then the file in the dialog.
        await input.SetInputFilesAsync(paths);
        Count(2, 0, what);
    }

    /// <summary>A confirmation the browser asked for and the editor accepted (the test's dialog handler clicks it).</summary>
    public void Confirmed(string what) => Count(1, 0, what);

    public async Task PressAsync(string key, string what)
    {
        await page.Keyboard.PressAsync(key);
        Count(0, 1, what);
    }

    public override string ToString() =>
        $"{Actions} actions ({Clicks} clicks, {Keys} keys): {Seconds:0.0} s at {ClickSeconds} s a click and {KeySeconds} s a key";

    private void Count(int clicks, int keys, string what)
    {
        Clicks += clicks;
        Keys += keys;
        Actions++;
        _log.Add($"{Actions,2}. {what}" + (keys > 0 ? $" ({keys} keys)" : ""));
    }
}
