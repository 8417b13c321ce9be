namespace Broadsheet.Samples.Text;

// International news in English, written for the samples' English page.
// Placeholders as in NewsTheme; {name} is a romanised Chinese name, {weekday} yesterday's weekday.
internal static class EnglishCorpus
{
    internal static readonly string[] Datelines =
        ["GENEVA", "SINGAPORE", "NAIROBI", "LISBON", "VANCOUVER", "OSAKA", "SANTIAGO", "HELSINKI", "CAIRO", "AUCKLAND"];

    internal static readonly NewsTheme[] Themes =
    [
        new(
            "climate",
            ["Coastal cities share plans to cope with rising seas", "Talks on river protection end with a joint pledge", "Forest agency reports record year for replanting"],
            [],
            ["Delegates agree to meet again next spring"],
            [
                "Officials from more than {n} coastal cities met on {weekday} to compare plans for sea walls, wetlands and early warning systems.",
                "Several delegates said that restoring mangroves had proved cheaper than building concrete barriers.",
                "The meeting ended with a pledge to publish shared data on tides and storm damage every year.",
                "Engineers warned that many drainage systems were designed for a climate that no longer exists.",
                "A pilot project in the harbour district has already cut flooding during heavy rain by about a third.",
                "Young volunteers planted {nnnn} trees along the river banks over the weekend.",
                "Organisers said the next round of talks would focus on financing for smaller towns.",
            ],
            ["Volunteers plant mangrove seedlings along the coast on {weekday}.", "A new sea wall protects the old harbour district."]),
        new(
            "trade",
            ["Port handles record container volume", "Small exporters find new buyers online", "Rail freight link cuts delivery times"],
            [],
            ["Shipping firms expect a busy winter season"],
            [
                "The port handled more than {n} million containers in the first ten months of the year, its operator said.",
                "Traders said demand for household goods and machinery parts had picked up since the summer.",
                "A new freight rail link has cut the journey to inland markets from nine days to five.",
                "Many small firms now sell directly to customers abroad through online platforms.",
                "Analysts cautioned that higher fuel costs could squeeze margins in the coming months.",
                "Customs officers have introduced paperless clearance for most routine shipments.",
                "The chamber of commerce said it would hold a trade fair for local producers in March.",
            ],
            ["Cranes load containers at the port on {weekday}.", "A freight train leaves the logistics hub."]),
        new(
            "science",
            ["Researchers map deep-sea coral reefs", "Space agency tests new weather satellite", "University team builds low-cost water filter"],
            [],
            ["Findings published in a peer-reviewed journal"],
            [
                "A team of marine scientists has mapped {n} previously unknown coral reefs in deep water.",
                "The researchers used underwater robots that can stay submerged for several days.",
                "The new satellite is expected to improve short-term forecasts of storms and heavy rain.",
                "Students designed a water filter made of sand, charcoal and clay that costs less than a dollar.",
                "The project leader said the aim was to make the design free for anyone to copy.",
                "Further tests will be carried out in rural schools before the end of the year.",
                "Scientists said international cooperation had been essential to the success of the mission.",
            ],
            ["Researchers prepare an underwater robot for a dive.", "Students test their water filter in the laboratory."]),
        new(
            "culture",
            ["Sister cities celebrate thirty years of friendship", "Museum opens exhibition of ancient maps", "Film festival draws record crowds"],
            [],
            ["Exchange programme to welcome more students"],
            [
                "Mayors of the two sister cities signed an agreement to expand student and teacher exchanges.",
                "The exhibition brings together more than {nnn} maps, some of them over five centuries old.",
                "Visitors queued for hours on the opening day, the museum said.",
                "The festival screened {n} films from {n} countries over ten days.",
                "A troupe of folk musicians performed in the main square on {weekday} evening.",
                "Organisers said that tickets for the closing concert had sold out within a day.",
                "Local schools will receive free tickets for guided tours until the end of the month.",
            ],
            ["Visitors view ancient maps at the museum on {weekday}.", "Folk musicians perform in the main square."]),
        new(
            "sport",
            ["Marathon runners brave the cold", "Young swimmers set three national records", "Cycling race returns after renovation of mountain road"],
            [],
            ["Organisers praise volunteers and spectators"],
            [
                "More than {nnnn} runners took part in the city marathon on {weekday} despite strong winds.",
                "The winner crossed the finish line in two hours and {m} minutes.",
                "Three national junior records fell on the final day of the swimming championships.",
                "Coach {name} said the team had trained for months at altitude.",
                "The mountain stage of the race returned after the road was widened and resurfaced.",
                "Thousands of spectators lined the route, cheering and waving flags.",
                "Medical teams and volunteers were stationed every two kilometres along the course.",
            ],
            ["Runners set off from the city centre on {weekday}.", "Swimmers compete in the final of the 200 metres."]),
    ];

    internal static readonly (string Title, string Caption)[] PhotoNews =
    [
        ("Lanterns on the river", "Residents release paper lanterns on the river to mark the harvest festival on {weekday}."),
        ("Autumn colours", "Visitors walk through a park as the leaves turn red and gold."),
        ("Night market", "Shoppers crowd the stalls of a night market in the old town."),
        ("Harvest time", "Farmers bring in the rice harvest on a sunny afternoon."),
    ];

    internal static readonly string[] Surnames =
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "Lin", "He"];

    internal static readonly string[] GivenNames =
        ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Jun", "Yang", "Tao", "Ming", "Xiaoyu", "Haoran", "Yiwen", "Jiahui", "Zihan", "Chen", "Lin", "Hui"];
}
