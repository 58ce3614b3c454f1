using System.Collections.Immutable;
using WelfareRules.Law;
using WelfareRules.Legal;

namespace WelfareRules.Benefits.HealthInsurance;

/// <summary>
/// A group of the month whose health-insurance premium a budget pays in whole or part: its definition (conditions
/// stated in a rule file, <c>"benefit": "health-insurance"</c> or <c>"health-insurance-local"</c>), the provision
/// giving its share, and the provisions behind the group (its definition and what its conditions read).
/// </summary>
/// <param name="Definition">The group.</param>
/// <param name="Share">Its share in force.</param>
/// <param name="ReadBasis">Its definition's citation and those of the parameters its conditions read, in force in the month.</param>
internal sealed record SupportGroup(GroupDefinition Definition, Provision Share, ImmutableArray<Citation> ReadBasis);
