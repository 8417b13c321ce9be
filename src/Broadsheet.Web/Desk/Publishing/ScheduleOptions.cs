using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Web.Desk.Publishing;

/// <summary>How often the server looks for scheduled editions whose time has come, under <c>Broadsheet:Schedule</c>.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Broadsheet:Schedule";

    /// <summary>Seconds between looks; 15 unless set. An edition goes out at most this long after its time.</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; set; } = 15;
}
