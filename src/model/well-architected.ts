/**
 * The AWS Well-Architected Framework Reliability pillar best practices that ha-audit's rules give
 * evidence for. Ids and titles as the framework's pages state them (checked against
 * https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05.html, rel07.html, rel08.html,
 * rel10.html and rel11.html, and for REL09 the pillar's "Back up data" page,
 * https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/back-up-data.html).
 * A rule names the practices it checks part of; passing it is evidence, never proof, that the
 * practice is in place.
 */
export const WELL_ARCHITECTED_BEST_PRACTICES = {
  'REL05-BP06': 'Make systems stateless where possible',
  'REL07-BP01': 'Use automation when obtaining or scaling resources',
  'REL08-BP01': 'Use runbooks for standard activities such as deployment',
  'REL09-BP01': 'Identify and back up all data that needs to be backed up, or reproduce the data from sources',
  'REL09-BP03': 'Perform data backup automatically',
  'REL10-BP01': 'Deploy the workload to multiple locations',
  'REL11-BP01': 'Monitor all components of the workload to detect failures',
  'REL11-BP02': 'Fail over to healthy resources',
  'REL11-BP03': 'Automate healing on all layers',
  'REL11-BP05': 'Use static stability to prevent bimodal behavior',
} as const;

export type BestPracticeId = keyof typeof WELL_ARCHITECTED_BEST_PRACTICES;

/** A best practice as the report carries it: id, title and the page that describes it. */
export interface BestPractice {
  id: string;
  title: string;
  url: string;
}

export function bestPractice(id: BestPracticeId): BestPractice {
  return { id, title: WELL_ARCHITECTED_BEST_PRACTICES[id], url: `https://docs.aws.amazon.com/wellarchitected/latest/framework/${id.toLowerCase()}.html` };
}

/** `REL10-BP01` before `REL11-BP01`, `REL11-BP02` before `REL11-BP10`. */
export function compareBestPracticeIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
