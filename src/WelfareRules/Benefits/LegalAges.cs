namespace WelfareRules.Benefits;

/// <summary>
/// The ages the law draws lines at. They are definitions of the law rather than amounts, and the
/// eligibility functions are written around them, so they live here, each with its source.
/// </summary>
internal static class LegalAges
{
    /// <summary>Child: under 16 (Luật Trẻ em 2016 Art 1; ND 20 Art 5 k1).</summary>
    internal const int Child = 16;

    /// <summary>Upper age of K2 students and of K4 children in education: "không quá 22 tuổi" (ND 20 Art 5 k2, k4).</summary>
    internal const int StudentLimit = 22;

    /// <summary>Lower coefficient band for K1 and K3 children: "dưới 4 tuổi" (ND 20 Art 6 k1 a, c).</summary>
    internal const int YoungChild = 4;

    /// <summary>K7: children under 3 (ND 20 Art 5 k7).</summary>
    internal const int Infant = 3;

    /// <summary>Elderly: 60 and over (Luật Người cao tuổi 2009 Art 2).</summary>
    internal const int Elderly = 60;

    /// <summary>K5b: from 75 (ND 20 Art 5 k5 b).</summary>
    internal const int K5bFrom = 75;

    /// <summary>K5a higher band and K5c: from 80 (ND 20 Art 5 k5 c; Art 6 k1 đ).</summary>
    internal const int Eighty = 80;

    /// <summary>Social pension: from 75 (Law 41/2024/QH15 Art 21).</summary>
    internal const int SocialPension = 75;

    /// <summary>Social pension for a person in a poor or near-poor household: from 70 to under 75 (Law 41/2024/QH15 Art 21).</summary>
    internal const int SocialPensionPoor = 70;

    /// <summary>Hanoi cremation support: a child "under 6" gets the child amount (NQ 03/2020/NQ-HĐND).</summary>
    internal const int CremationChild = 6;
}
