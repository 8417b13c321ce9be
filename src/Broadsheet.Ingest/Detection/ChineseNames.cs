namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Puts back the space between two Chinese names that a line break took: a byline "通讯员 万艳锋 汪刚军" broken
/// after "万艳锋" leaves no trace of the space in the PDF and reads "万艳锋汪刚军". Names are two or three
/// characters (four with a compound surname), so a run of four to six characters after a role is two names; where
/// the cut is not clear from the lengths, the second name starts with a common surname, the more common one if both
/// cuts would.
/// </summary>
internal static class ChineseNames
{
    /// <summary>The common single-character surnames (those of nearly all of the population).</summary>
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "长孙", "宇文", "司徒", "夏侯"];

    private static readonly string[] Roles = ["本报记者", "特约记者", "见习记者", "记者", "通讯员", "实习生", "评论员", "本报评论员"];

    /// <summary>A word of a byline, split into two names when it is two names run together; otherwise as given.</summary>
    public static string SplitRunTogether(string word)
    {
        if (word.Length is < 4 or > 6 || !word.All(IsHan) || Roles.Any(r => word.Contains(r, StringComparison.Ordinal))
            || CompoundSurnames.Any(s => word.StartsWith(s, StringComparison.Ordinal) && word.Length <= 4)
            || !IsSurname(word[0]))
        {
            return word;
        }

        // The cuts that leave two names of two or three characters, the second starting with a surname; of two
        // such cuts, the one at the more common surname (the list runs from the most common).
        var cut = Enumerable.Range(2, word.Length - 3)
            .Where(i => i <= 3 && word.Length - i is >= 2 and <= 3 && IsSurname(word[i]))
            .OrderBy(i => Surnames.IndexOf(word[i], StringComparison.Ordinal))
            .FirstOrDefault();
        return cut > 0 ? $"{word[..cut]} {word[cut..]}" : word;
    }

    private static bool IsSurname(char c) => Surnames.Contains(c, StringComparison.Ordinal);

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
