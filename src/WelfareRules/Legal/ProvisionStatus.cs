namespace WelfareRules.Legal;

/// <summary>How far a provision of the law has been checked.</summary>
public enum ProvisionStatus
{
    /// <summary>Checked against the legal text or a reliable secondary source quoting it.</summary>
    Verified = 0,

    /// <summary>
    /// From memory, conflicting sources or weak evidence. Used in computations, but every result that
    /// depends on it carries a warning, and strict evaluation refuses it.
    /// </summary>
    Provisional = 1,
}
