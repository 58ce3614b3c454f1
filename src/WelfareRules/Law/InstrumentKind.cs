namespace WelfareRules.Law;

/// <summary>The kind of legal instrument (loại văn bản).</summary>
public enum InstrumentKind
{
    /// <summary>A law (Luật) of the National Assembly.</summary>
    Law = 0,

    /// <summary>A government decree (Nghị định).</summary>
    Decree = 1,

    /// <summary>A ministerial circular (Thông tư).</summary>
    Circular = 2,

    /// <summary>A resolution (Nghị quyết) of a provincial People's Council (HĐND).</summary>
    Resolution = 3,

    /// <summary>A decision (Quyết định).</summary>
    Decision = 4,

    /// <summary>A draft or hypothetical policy change, not law.</summary>
    Draft = 5,

    /// <summary>An ordinance (Pháp lệnh) of the Standing Committee of the National Assembly.</summary>
    Ordinance = 6,
}
