namespace Workflow.Cli.Progress;

/// <summary>
/// Shows a block of status lines. On a terminal the block is redrawn in place (ANSI cursor-up and
/// clear-line); otherwise only lines that changed are printed, so logs and pipes get plain lines.
/// </summary>
internal sealed class LiveDisplay(TextWriter output, bool interactive, int width)
{
    private string[] _shown = [];
    private int _drawn;

    public void Show(IReadOnlyList<string> lines)
    {
        if (interactive)
        {
            if (_drawn > 0) output.Write($"\u001b[{_drawn}A");
            foreach (var line in lines) output.Write("\r\u001b[2K" + ProgressText.Fit(line, width) + "\n");
            // Lines left over from a longer block are cleared.
            for (var i = lines.Count; i < _drawn; i++) output.Write("\r\u001b[2K\n");
            _drawn = Math.Max(lines.Count, _drawn);
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
                if (i >= _shown.Length || _shown[i] != lines[i]) output.WriteLine(lines[i]);
        }
        _shown = [.. lines];
        output.Flush();
    }

    /// <summary>Leaves what is shown on screen; the next <see cref="Show"/> starts a new block below it.</summary>
    public void Finish()
    {
        _shown = [];
        _drawn = 0;
    }
}
